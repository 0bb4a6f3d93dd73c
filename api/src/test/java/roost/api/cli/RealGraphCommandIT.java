package roost.api.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.importer.Progress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;

/** {@code ./roost realgraph --train} on a small generated network, bulk-imported through the CLI. */
class RealGraphCommandIT {
    private static final Pattern REPORT = Pattern.compile(
            "RealGraph: [\\d,]+ users, [\\d,]+ train / ([\\d,]+) test examples \\([\\d,]+ / ([\\d,]+) positive\\),"
                    + " held-out AUC (\\d\\.\\d{4}) \\(built-in prior (\\d\\.\\d{4})\\), \\d+ ms, (.*)");

    private record Run(int exitCode, String out) {}

    @Test
    void trainsReportsTheHeldOutAucAndSavesOnlyWhenItBeatsThePrior(@TempDir Path tmp) {
        Path data = tmp.resolve("generated");
        new Generator()
                .generate(
                        GeneratorConfig.defaults()
                                .withUsers(1500)
                                .withDays(10)
                                .withStart(Instant.parse("2026-01-01T00:00:00Z"))
                                .withSeed(3),
                        data,
                        Progress.silent());
        String dir = tmp.resolve("roost-data").toString();
        assertThat(run("import", "--format", "csv", "--mode", "bulk", "--data-dir", dir, data.toString())
                        .exitCode())
                .isZero();

        Run dry = run("realgraph", "--train", "--dry-run", "--data-dir", dir);
        assertThat(dry.exitCode()).isZero();
        Matcher m = REPORT.matcher(dry.out());
        assertThat(m.find()).as(dry.out()).isTrue();
        assertThat(Long.parseLong(m.group(1).replace(",", ""))).isPositive();
        assertThat(Long.parseLong(m.group(2).replace(",", ""))).isPositive();
        double auc = Double.parseDouble(m.group(3));
        double prior = Double.parseDouble(m.group(4));
        assertThat(auc).isBetween(0.0, 1.0);
        assertThat(m.group(5)).isEqualTo("not saved (--dry-run)");
        assertThat(dry.out()).contains("  bias ", "  follows ", "  recency ");

        // The same training again, saved when it beats the prior; the same seed gives the same AUC.
        Run saved = run("realgraph", "--train", "--data-dir", dir);
        assertThat(saved.exitCode()).isZero();
        Matcher s = REPORT.matcher(saved.out());
        assertThat(s.find()).as(saved.out()).isTrue();
        assertThat(Double.parseDouble(s.group(3))).isEqualTo(auc);
        String kept = "weights saved with the database";
        String refused = "not saved: its held-out AUC is below the prior's, which stays in use";
        if (auc == prior) {
            // Equal to four places: either side of the comparison.
            assertThat(s.group(5)).isIn(kept, refused);
        } else {
            assertThat(s.group(5)).isEqualTo(auc > prior ? kept : refused);
        }
    }

    @Test
    void refusesToRunWithoutTrain() {
        assertThat(run("realgraph", "--data-dir", "/does/not/exist").exitCode()).isEqualTo(2);
    }

    private static Run run(String... args) {
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = RoostCommand.commandLine().execute(args);
            return new Run(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }
}
