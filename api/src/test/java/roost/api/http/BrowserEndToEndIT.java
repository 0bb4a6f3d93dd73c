package roost.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.api.Application;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.demo.DemoData;
import roost.importer.Progress;

/**
 * The Neo4j Browser served by Roost, driven in a real headless Chromium by Playwright
 * ({@code src/test/e2e/browser-e2e.mjs}): open {@code /browser/}, connect with the password, run a
 * query over demo data, check the result, and keep a screenshot under {@code target/}.
 *
 * <p>Needs Node.js, Debian's {@code chromium} and {@code npm ci} in {@code src/test/e2e}, which
 * {@code .ci/run} installs. Where they are missing the test is skipped with the reason, unless
 * {@code ROOST_E2E_REQUIRED=1} (set by {@code .ci/run}), where it fails instead.
 */
class BrowserEndToEndIT {
    private static final String PASSWORD = "browser-e2e-password";
    private static final Path E2E = Paths.get("src", "test", "e2e").toAbsolutePath();
    private static final Path SCREENSHOT =
            Paths.get("target", "browser-e2e.png").toAbsolutePath();

    @Test
    void analystConnectsAndQueriesTheDemoGraph(@TempDir Path dataDir) throws Exception {
        String node = requireTool(which("node"), "node (Node.js) on the PATH");
        String chromium =
                requireTool(System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium"), "Debian's chromium");
        requireTool(
                E2E.resolve("node_modules/playwright-core/package.json").toString(),
                "playwright-core (run npm ci in " + E2E + ")");

        RoostConfig config = RoostConfig.load(
                null,
                Map.of(),
                Map.of(
                        Setting.DATA_DIR.key(), dataDir.toString(),
                        Setting.HTTP_PORT.key(), "0",
                        Setting.BOLT_PORT.key(), "0",
                        Setting.PAGECACHE.key(), "32m",
                        Setting.DEMO_USERS.key(), "600"));
        DemoData.ensure(config, Progress.silent());
        try (Application app = Application.start(config, PASSWORD)) {
            long users = (Long) app.neo4j()
                    .db()
                    .executeTransactionally(
                            "MATCH (u:User) RETURN count(u) AS n",
                            Map.of(),
                            r -> r.next().get("n"));
            String query = "MATCH (u:User) RETURN 'users: ' + count(u) AS answer";
            String expected = "users: " + users;

            Files.deleteIfExists(SCREENSHOT);
            List<String> command = new ArrayList<>(List.of(
                    node,
                    E2E.resolve("browser-e2e.mjs").toString(),
                    app.browserUrl(),
                    PASSWORD,
                    query,
                    expected,
                    SCREENSHOT.toString()));
            ProcessBuilder pb =
                    new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true);
            pb.environment().put("CHROMIUM_PATH", chromium);
            Process process = pb.start();
            boolean done = process.waitFor(180, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(done)
                    .as("the browser test finished within 180 s; output:%n%s", output)
                    .isTrue();
            assertThat(process.exitValue())
                    .as("browser test exit code; output:%n%s", output)
                    .isZero();
            assertThat(output).contains("connected", "result shows \"" + expected + "\"");
            assertThat(SCREENSHOT).isNotEmptyFile();
        }
    }

    /** The tool's path if it exists; otherwise skip, or fail where the environment requires it. */
    private static String requireTool(String path, String what) {
        boolean present = path != null && Files.isRegularFile(Paths.get(path));
        if (!present) {
            String reason = "Browser end-to-end test needs " + what + "; .ci/run installs it";
            if ("1".equals(System.getenv("ROOST_E2E_REQUIRED"))) {
                throw new AssertionError(reason);
            }
            Assumptions.abort(reason);
        }
        return path;
    }

    private static String which(String command) throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Paths.get(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
