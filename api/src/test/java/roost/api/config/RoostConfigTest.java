package roost.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoostConfigTest {
    @TempDir
    Path dir;

    @Test
    void defaultsApplyWhenNothingIsGiven() {
        RoostConfig c = RoostConfig.load(null, Map.of(), Map.of(Setting.DATA_DIR.key(), dir.toString()));
        assertThat(c.getInt(Setting.HTTP_PORT)).isEqualTo(8080);
        assertThat(c.get(Setting.BOLT_HOST)).isEqualTo("127.0.0.1");
        assertThat(c.pageCacheBytes()).isEqualTo(512L << 20);
    }

    @Test
    void fileThenEnvironmentThenFlagsEachOverrideTheOneBefore() throws IOException {
        Path file = dir.resolve("custom.conf");
        Files.writeString(file, "http.port=9001\nbolt.port=9002\napi.max-limit=100\n");
        Map<String, String> env = Map.of("ROOST_BOLT_PORT", "9003", "ROOST_API_MAX_LIMIT", "200", "PATH", "/bin");
        Map<String, String> flags = Map.of("api.max-limit", "300");

        RoostConfig c = RoostConfig.load(file, env, flags);

        assertThat(c.getInt(Setting.HTTP_PORT)).isEqualTo(9001);
        assertThat(c.getInt(Setting.BOLT_PORT)).isEqualTo(9003);
        assertThat(c.getInt(Setting.MAX_LIMIT)).isEqualTo(300);
        assertThat(c.describe()).contains("http.port=9001 (" + file + ")", "bolt.port=9003 (environment)");
    }

    @Test
    void theDataDirectoryConfigFileIsReadWhenNoFileIsGiven() throws IOException {
        Files.writeString(dir.resolve(RoostConfig.FILE_NAME), "bolt.password=from-the-file\n");
        RoostConfig c = RoostConfig.load(null, Map.of("ROOST_DATA_DIR", dir.toString()), Map.of());
        assertThat(c.get(Setting.BOLT_PASSWORD)).isEqualTo("from-the-file");
        assertThat(c.describe()).contains("bolt.password=****").doesNotContain("from-the-file");
    }

    @Test
    void unknownKeysAndBadValuesAreNamed() throws IOException {
        assertThatThrownBy(() -> RoostConfig.load(null, Map.of(), Map.of("http.prot", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'http.prot'")
                .hasMessageContaining("http.port");
        assertThatThrownBy(() -> RoostConfig.load(null, Map.of("ROOST_HTTP_PORT", "70000"), Map.of()))
                .hasMessageContaining("http.port")
                .hasMessageContaining("'70000'")
                .hasMessageContaining("[0, 65535]");
        assertThatThrownBy(() -> RoostConfig.load(null, Map.of(), Map.of("bolt.password", "short")))
                .hasMessageContaining("bolt.password")
                .hasMessageContaining("at least 8 characters")
                .hasMessageNotContaining("short");
        assertThatThrownBy(() -> RoostConfig.load(dir.resolve("missing.conf"), Map.of(), Map.of()))
                .hasMessageContaining("missing.conf does not exist");
    }

    @Test
    void theProceduresSettingsPassThroughFromFileAndFlagsWithFlagsWinning() throws IOException {
        Path file = dir.resolve("procedures.conf");
        Files.writeString(
                file, "dbms.roost.live_graph.window=24h\ndbms.roost.live_graph.segment_span=6h\nhttp.port=9001\n");
        RoostConfig c = RoostConfig.load(file, Map.of(), Map.of("dbms.roost.live_graph.window", "12h"));

        assertThat(c.procedureSettings())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("dbms.roost.live_graph.window", "12h", "dbms.roost.live_graph.segment_span", "6h"));
        assertThat(c.getInt(Setting.HTTP_PORT)).isEqualTo(9001);
        assertThat(c.with(Setting.HTTP_PORT, "9005").procedureSettings()).isEqualTo(c.procedureSettings());
        assertThat(c.describe()).contains("dbms.roost.live_graph.window=12h (passed to Neo4j)");
        assertThatThrownBy(() -> RoostConfig.load(null, Map.of(), Map.of("dbms.other.thing", "1")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown setting 'dbms.other.thing'")
                .hasMessageContaining("dbms.roost.*");
    }
}
