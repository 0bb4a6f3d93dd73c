package roost.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import roost.api.config.Setting;

class RoostCommandTest {
    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cmd = RoostCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertThat(r.exitCode).isZero();
        for (String command : List.of("demo", "serve", "import", "generate", "bench", "communities")) {
            assertThat(r.out).contains("  " + command + " ");
        }
    }

    @Test
    void serveHelpListsEverySettingWithItsEnvironmentVariableAndDefault() {
        Run r = run("serve", "--help");
        assertThat(r.exitCode).isZero();
        for (Setting s : Setting.values()) {
            assertThat(r.out).contains(s.key(), s.env());
            if (!s.defaultValue().isEmpty()) {
                assertThat(r.out).contains("default: " + s.defaultValue());
            }
        }
    }

    @Test
    void generateHelpShowsTheGeneratorsDefaults() {
        Run r = run("generate", "--help");
        assertThat(r.out).contains("--users=N", "Default: 20000", "--seed=N", "Default: 42");
    }

    @Test
    void aBadSettingStopsWithAMessageNamingItAndNoStackTrace() {
        Run r = run("serve", "--set", "http.prot=9000");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("roost: unknown setting 'http.prot'").doesNotContain("\tat ");
    }

    @Test
    void importRefusesAMissingDirectory() {
        Run r = run("import", "--format", "csv", "/does/not/exist");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("/does/not/exist is not a directory");
    }

    @Test
    void communitiesRejectsABadBatchSettingBeforeOpeningTheDatabase() {
        Run r = run("communities", "--data-dir", "/does/not/exist", "--batch", "minFollower=3");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("unknown config key 'minFollower'").doesNotContain("\tat ");
        Run bad = run("communities", "--data-dir", "/does/not/exist", "--algorithm", "walktrap");
        assertThat(bad.exitCode).isEqualTo(2);
        assertThat(bad.err).contains("'algorithm'", "leiden", "louvain");
    }
}
