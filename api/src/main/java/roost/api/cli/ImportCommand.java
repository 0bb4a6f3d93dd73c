package roost.api.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import roost.api.config.RoostConfig;
import roost.api.db.DataLoading;
import roost.api.db.DataLoading.Mode;
import roost.importer.ConsoleProgress;
import roost.importer.higgs.HiggsConverter;
import roost.importer.higgs.HiggsCounts;
import roost.importer.higgs.HiggsOptions;
import roost.importer.load.ImportStats;
import roost.model.RoostException;

/** {@code ./roost import}: load a data set into the database of the data directory. */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Load a data set into the database of the data directory.",
            "Formats: 'csv' is Roost's generic CSV format (see import/README.md); 'higgs' is the SNAP Higgs Twitter data set,"
                    + " converted to the generic format (under <data-dir>/higgs-csv) and then loaded.",
            "Importing the same data twice does not duplicate it. A malformed line stops the import before anything is"
                    + " written, naming the file, the line and the reason."
        })
final class ImportCommand implements Callable<Integer> {
    enum Format {
        csv,
        higgs
    }

    @Parameters(index = "0", paramLabel = "DIR", description = "Directory holding the data set's files.")
    Path dir;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "csv or higgs.")
    Format format;

    @Option(
            names = "--mode",
            paramLabel = "MODE",
            defaultValue = "auto",
            description = "How to write: auto (bulk into a new database, else transactional), bulk (Neo4j's batch"
                    + " importer; new database only), transactional (batched transactions; any database), cypher"
                    + " (batched UNWIND ... MERGE; for comparison). Default: ${DEFAULT-VALUE}.")
    Mode mode;

    @Option(
            names = "--higgs-window-minutes",
            paramLabel = "MIN",
            defaultValue = "60",
            description =
                    "higgs: length of the window that groups an author's engaged events into one tweet. Default: ${DEFAULT-VALUE}.")
    int higgsWindowMinutes;

    @Option(
            names = "--higgs-limit",
            paramLabel = "LINES",
            description = "higgs: read only the first LINES lines of the activity file (for a quick slice).")
    Long higgsLimit;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        if (!Files.isDirectory(dir)) {
            throw new RoostException.InvalidArgument("DIR " + dir + " is not a directory");
        }
        RoostConfig config = options.load();
        ConsoleProgress progress = new ConsoleProgress();
        Path csvDir = dir;
        if (format == Format.higgs) {
            csvDir = config.dataDir().resolve("higgs-csv");
            HiggsOptions opts = HiggsOptions.defaults().withWindow(java.time.Duration.ofMinutes(higgsWindowMinutes));
            if (higgsLimit != null) {
                opts = opts.withActivityLimit(higgsLimit);
            }
            long t0 = System.nanoTime();
            HiggsCounts counts = new HiggsConverter().convert(dir, csvDir, opts, progress);
            System.out.printf(
                    "Converted the Higgs data set to %s in %.1f s: %s%n",
                    csvDir, (System.nanoTime() - t0) / 1e9, counts);
        }
        ImportStats stats = DataLoading.load(config, csvDir, mode, progress);
        System.out.println("Imported " + stats);
        return 0;
    }
}
