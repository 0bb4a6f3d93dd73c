package roost.procedures;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden test: the signatures of Roost's procedures equal {@code src/test/resources/procedures.golden},
 * so that no signature changes by accident. To accept a deliberate change, run with
 * {@code -Droost.golden.update=true} and review the diff.
 */
class ProcedureSignaturesIT {
    private static final Path GOLDEN = Path.of("src/test/resources/procedures.golden");

    @TempDir
    Path home;

    @Test
    void signaturesMatchTheCommittedFile() throws IOException {
        List<String> actual = new ArrayList<>();
        try (EmbeddedDatabase database = new EmbeddedDatabase(home)) {
            database.db()
                    .executeTransactionally(
                            "SHOW PROCEDURES YIELD name, signature WHERE name STARTS WITH 'roost.' "
                                    + "RETURN signature ORDER BY name",
                            Map.of(),
                            r -> {
                                r.forEachRemaining(row -> actual.add((String) row.get("signature")));
                                return null;
                            });
        }
        String text = String.join("\n", actual) + "\n";
        if (Boolean.getBoolean("roost.golden.update")) {
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertThat(actual).isNotEmpty();
        assertThat(text).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
    }
}
