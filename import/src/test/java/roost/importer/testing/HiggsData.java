package roost.importer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/** Where the Higgs data set is: {@code -Droost.higgs.dir}, {@code ROOST_HIGGS_DIR} or the shared data folder. */
public final class HiggsData {
    private HiggsData() {}

    public static Path dir() {
        Optional<Path> found = candidates().stream()
                .filter(p -> Files.isRegularFile(p.resolve("higgs-activity_time.txt.gz")))
                .findFirst();
        Assumptions.assumeTrue(found.isPresent(), "Higgs data set not found; set -Droost.higgs.dir");
        return found.get();
    }

    private static List<Path> candidates() {
        List<Path> out = new java.util.ArrayList<>();
        String prop = System.getProperty("roost.higgs.dir");
        if (prop != null) {
            out.add(Path.of(prop));
        }
        String env = System.getenv("ROOST_HIGGS_DIR");
        if (env != null) {
            out.add(Path.of(env));
        }
        out.add(Path.of("../shared/data/higgs-twitter"));
        out.add(Path.of("../../shared/data/higgs-twitter"));
        return out;
    }
}
