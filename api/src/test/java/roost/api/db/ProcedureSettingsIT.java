package roost.api.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.api.config.ConfigException;
import roost.api.config.RoostConfig;
import roost.procedures.extension.RoostSettings;

/** The procedures' {@code dbms.roost.*} settings given to Roost reach the embedded database. */
class ProcedureSettingsIT {
    @TempDir
    Path dir;

    @Test
    void aWindowGivenOnTheCommandLineIsTheLiveGraphsWindow() {
        RoostConfig config = RoostConfig.load(
                null,
                Map.of(),
                Map.of("data.dir", dir.toString(), "dbms.roost.live_graph.window", "2h", "neo4j.pagecache", "16m"));
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
            Object window = neo4j.db()
                    .executeTransactionally(
                            "CALL roost.graph.stats() YIELD windowMillis RETURN windowMillis",
                            Map.of(),
                            r -> r.next().get("windowMillis"));
            assertThat(window).isEqualTo(Duration.ofHours(2).toMillis());
        }
    }

    @Test
    void unknownKeysUnparsableAndOutOfRangeValuesAreConfigErrorsNamingTheKey() {
        assertThat(EmbeddedNeo4j.procedureSettings(Map.of("dbms.roost.live_graph.segment_span", "6h")))
                .containsEntry(RoostSettings.LIVE_GRAPH_SEGMENT_SPAN, Duration.ofHours(6));
        assertThatThrownBy(() -> EmbeddedNeo4j.procedureSettings(Map.of("dbms.roost.live_graph.windw", "2h")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dbms.roost.live_graph.windw")
                .hasMessageContaining("dbms.roost.live_graph.window");
        assertThatThrownBy(() -> EmbeddedNeo4j.procedureSettings(Map.of("dbms.roost.live_graph.window", "soon")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dbms.roost.live_graph.window is 'soon'");
        assertThatThrownBy(() -> EmbeddedNeo4j.procedureSettings(Map.of("dbms.roost.live_graph.window", "30s")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("dbms.roost.live_graph.window is '30s'");
    }
}
