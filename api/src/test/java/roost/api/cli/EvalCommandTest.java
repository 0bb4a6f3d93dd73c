package roost.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ./roost eval}: bad input names the option and stops before any work. */
class EvalCommandTest {
    @TempDir
    Path tmp;

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
    void helpDocumentsEveryOption() {
        Run r = run("eval", "--help");
        assertThat(r.exitCode).isZero();
        assertThat(r.out)
                .contains("--data=DIR", "--split=TIME", "--format=FORMAT", "--viewers=N", "Default: 2000")
                .contains("--seed=N", "--horizon=DURATION", "--window=DURATION", "--k=K", "--target-types=TYPE")
                .contains("--out=DIR", "--work-dir=DIR", "--only-following", "--set=KEY=VALUE")
                .contains("--variant=NAME=PARAMS");
        assertThat(run("--help").out).contains("  eval ");
    }

    @Test
    void aBadSplitNamesTheOption() {
        Run r = run("eval", "--data", tmp.toString(), "--split", "yesterday");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--split 'yesterday' is not a time").doesNotContain("\tat ");
    }

    @Test
    void aMissingDataDirectoryNamesTheOption() {
        Run r = run("eval", "--data", tmp.resolve("nope").toString(), "--split", "2024-01-28");
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("--data").contains("is not a directory");
    }

    @Test
    void aDirectoryWithoutTheGenericFormatNamesTheOption() {
        Run r = run("eval", "--data", tmp.toString(), "--split", "2024-01-28T00:00:00Z", "--out", tmp.toString());
        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.err).contains("roost: --data").contains("no users.csv");
    }

    @Test
    void badDurationsCutOffsAndTypesNameTheirOption() {
        String d = tmp.toString();
        assertThat(run("eval", "--data", d, "--split", "0", "--window", "soon").err)
                .contains("--window 'soon' is not a positive duration");
        assertThat(run("eval", "--data", d, "--split", "0", "--horizon", "0h").err)
                .contains("--horizon '0h' is not a positive duration");
        assertThat(run("eval", "--data", d, "--split", "0", "--k", "0,10").err).contains("--k [0, 10]");
        assertThat(run("eval", "--data", d, "--split", "0", "--target-types", "SHARED").err)
                .contains("--target-types: 'SHARED' is not an engagement type");
    }

    @Test
    void badVariantsNameTheOptionAndTheParameter() {
        String d = tmp.toString();
        assertThat(run("eval", "--data", d, "--split", "0", "--variant", "a=inNetworkShare=2").err)
                .contains("--variant a: parameter 'inNetworkShare' must be a number in [0.0, 1.0], was '2'");
        assertThat(run("eval", "--data", d, "--split", "0", "--variant", "b=share=0.5").err)
                .contains("--variant b: unknown parameter 'share'");
        assertThat(run("eval", "--data", d, "--split", "0", "--variant", "c=inNetworkShare").err)
                .contains("--variant c: 'inNetworkShare' is not key=value");
    }
}
