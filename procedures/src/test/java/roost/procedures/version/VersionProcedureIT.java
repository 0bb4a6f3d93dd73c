package roost.procedures.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.procedures.EmbeddedDatabase;
import roost.procedures.extension.RoostRuntime;

class VersionProcedureIT {
    @TempDir
    Path home;

    @Test
    void versionComesFromTheExtensionHostedRuntime() {
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            Map<String, Object> row = database.db()
                    .executeTransactionally(
                            "CALL roost.version() YIELD version, database, startedAt, components "
                                    + "RETURN version, database, startedAt, components",
                            Map.of(),
                            r -> r.next());
            assertThat(row.get("version")).isEqualTo(RoostRuntime.version()).isNotEqualTo("unknown");
            assertThat(row.get("database")).isEqualTo("neo4j");
            // A start time proves the extension (not the test) created the runtime and started it.
            assertThat((String) row.get("startedAt")).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
        }
    }
}
