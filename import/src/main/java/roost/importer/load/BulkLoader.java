package roost.importer.load;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvSummary;
import roost.importer.csv.CsvTable;
import roost.importer.csv.CsvValidator;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Rel;
import roost.model.Schema;

/**
 * Fills a new, empty database from a CSV directory with Neo4j's own batch importer, the code behind
 * {@code neo4j-admin database import full}, run in this JVM. The importer writes the store files
 * directly (no transactions, no index lookups per row) and is the fastest way into Neo4j.
 *
 * <p>Steps: refuse a database that holds any node ({@link ImportException.DatabaseNotEmpty}: the
 * caller then uses {@link TransactionalLoader}); validate every file ({@link CsvValidator}) while
 * copying the rows, without their header, into a staging directory; write Neo4j header files for
 * them (id spaces {@code User} and {@code Tweet}, {@code :TYPE} columns, the staged tweets read a
 * second time with {@code :IGNORE} columns to make {@code POSTED}); run the importer into
 * {@code homeDir/data/databases/neo4j} (transactions in {@code homeDir/data/transactions/neo4j}), the
 * layout of {@code new DatabaseManagementServiceBuilder(homeDir)}; start the DBMS, apply
 * {@link Schema} and count what is there, and stop it (unless {@link Options#startAfterImport()} is
 * off); delete the staging directory.
 *
 * <p>Why the rows are copied rather than handed over as they are: every file of the generic format
 * starts with its own header line, which the importer, given a separate header file, would read as
 * data; and ids are replaced by dense keys. The importer's integer id spaces only take 0 to
 * 2^56 - 1, below Snowflake tweet ids (about 2^60), and its string ids are slower, so every user and
 * tweet gets a key 0, 1, 2, ... ({@link StagingWriter}); node rows carry the key and the real id
 * (the {@code id} property). The copy is also the validated, normalised form of the input, so the
 * importer never meets a row that validation did not pass. Disk: about the size of the input, while
 * the load runs.
 *
 * <p>Differences from the transactional path: the files must not repeat a relationship row (the same
 * user, type and target twice): the importer creates one relationship per row, where the
 * transactional path merges. The generator and the Higgs converter never repeat one.
 *
 * <p>The DBMS on {@code homeDir} must not be running. Memory: the importer takes off-heap memory
 * up to {@link Options#maxOffHeapMemory()} (Neo4j's default: 90% of free memory); validation and staging
 * hold the user and tweet ids (about 40 bytes each, on the heap). Not thread-safe; reusable one load after another.
 */
public final class BulkLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BulkLoader.class);
    private static final String DATABASE = GraphDatabaseSettings.DEFAULT_DATABASE_NAME;

    /**
     * @param threads importer worker threads (default: available processors)
     * @param maxOffHeapMemory importer memory, e.g. {@code "2G"} or {@code "50%"}; null for Neo4j's default
     * @param stagingDir where the staged rows go; null for a new directory under {@code homeDir}
     * @param verbose pass {@code --verbose} to the importer (more detail in the log and in errors)
     * @param startAfterImport start the DBMS afterwards to apply the schema and count (default true)
     * @param dbms starts the DBMS of a home directory (to check emptiness and apply the schema)
     */
    public record Options(
            int threads,
            String maxOffHeapMemory,
            Path stagingDir,
            boolean verbose,
            boolean startAfterImport,
            Function<Path, DatabaseManagementService> dbms) {
        public static Options defaults() {
            return new Options(
                    Runtime.getRuntime().availableProcessors(),
                    null,
                    null,
                    false,
                    true,
                    home -> new DatabaseManagementServiceBuilder(home).build());
        }

        public Options withThreads(int n) {
            return new Options(n, maxOffHeapMemory, stagingDir, verbose, startAfterImport, dbms);
        }

        public Options withMaxOffHeapMemory(String size) {
            return new Options(threads, size, stagingDir, verbose, startAfterImport, dbms);
        }

        public Options withStagingDir(Path dir) {
            return new Options(threads, maxOffHeapMemory, dir, verbose, startAfterImport, dbms);
        }

        /** The importer's verbose output (stack traces on failure; no percentages as progress then). */
        public Options withVerbose(boolean on) {
            return new Options(threads, maxOffHeapMemory, stagingDir, on, startAfterImport, dbms);
        }

        /**
         * Whether to start the DBMS after the import to apply {@link Schema} and count what was stored
         * (default true, about 8 s on 2 cores). When false, the caller must apply the schema when it
         * next starts the DBMS, and the stats are the staged row counts (equal for files without
         * repeated relationship rows).
         */
        public Options withStartAfterImport(boolean on) {
            return new Options(threads, maxOffHeapMemory, stagingDir, verbose, on, dbms);
        }

        public Options withDbms(Function<Path, DatabaseManagementService> factory) {
            return new Options(threads, maxOffHeapMemory, stagingDir, verbose, startAfterImport, factory);
        }
    }

    private final Options options;
    private final Progress progress;

    public BulkLoader(Options options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    public BulkLoader(Progress progress) {
        this(Options.defaults(), progress);
    }

    /**
     * Loads {@code csvDir} into the (new or empty) database of {@code homeDir}.
     *
     * @throws ImportException.DatabaseNotEmpty when the database already holds data (nothing is changed)
     * @throws ImportException when a file is malformed (nothing is changed) or the importer fails
     */
    public ImportStats load(Path csvDir, Path homeDir) {
        long start = System.nanoTime();
        CsvDirectory dir = new CsvDirectory(csvDir);
        boolean storeExists = checkEmpty(homeDir);
        Path staging = createStaging(homeDir);
        try {
            CsvSummary summary;
            List<Path> multiline;
            Counts staged;
            try (StagingWriter stage = new StagingWriter(staging.resolve("rows"))) {
                summary = dir.read(new CsvValidator(CsvValidator.Existing.none(), stage), progress, "validate", null);
                multiline = stage.multilineFiles();
                staged = stage.counts();
            }
            LOG.info(
                    "Validated {}: {} rows in {} s",
                    csvDir,
                    summary.totalRows(),
                    String.format("%.1f", summary.seconds()));
            if (summary.rows(CsvTable.USERS) > 0) {
                runImporter(homeDir, staging, summary, storeExists, multiline);
            }
            Counts counts = staged;
            if (options.startAfterImport()) {
                counts = new Counts();
                DatabaseManagementService dbms = options.dbms().apply(homeDir);
                try {
                    GraphDatabaseService db = dbms.database(DATABASE);
                    Schema.apply(db);
                    count(db, counts);
                } finally {
                    dbms.shutdown();
                }
            }
            ImportStats stats = counts.stats("bulk", summary.totalRows(), start);
            LOG.info("{}", stats);
            return stats;
        } finally {
            deleteRecursively(staging);
        }
    }

    /** True when a store exists (and is empty); throws when it holds data. */
    private boolean checkEmpty(Path homeDir) {
        Path store = homeDir.resolve("data").resolve("databases").resolve(DATABASE);
        if (!Files.isDirectory(store) || isEmptyDirectory(store)) {
            return false;
        }
        DatabaseManagementService dbms = options.dbms().apply(homeDir);
        long nodes;
        long relationships;
        try {
            GraphDatabaseService db = dbms.database(DATABASE);
            nodes = countOf(db, "MATCH (n) RETURN count(n) AS c");
            relationships = countOf(db, "MATCH ()-[r]->() RETURN count(r) AS c");
        } finally {
            dbms.shutdown();
        }
        if (nodes > 0 || relationships > 0) {
            throw new ImportException.DatabaseNotEmpty("the database in " + homeDir + " already holds " + nodes
                    + " nodes and " + relationships + " relationships; bulk import only fills a new, empty"
                    + " database (use the transactional import to add to it)");
        }
        return true;
    }

    private void runImporter(
            Path homeDir, Path staging, CsvSummary summary, boolean storeExists, List<Path> multiline) {
        Path rows = staging.resolve("rows");
        List<String> args = new ArrayList<>();
        args.add("--nodes=" + Labels.USER_NAME + "=" + header(staging, "users", usersHeader()) + ","
                + rows.resolve(CsvTable.USERS.fileName()));
        if (summary.rows(CsvTable.TWEETS) > 0) {
            Path tweets = rows.resolve(CsvTable.TWEETS.fileName());
            args.add("--nodes=" + Labels.TWEET_NAME + "=" + header(staging, "tweets", tweetsHeader()) + "," + tweets);
            args.add("--relationships=" + Rel.POSTED.name() + "=" + header(staging, "posted", postedHeader()) + ","
                    + tweets);
        }
        // Always read the files as multiline (the v1 switch, for all files). Without it the importer
        // cuts files into chunks for its reader threads at line ends, and a quoted text field that
        // straddles a cut fails with "Missing end for quote" (seen on generated networks of 100k
        // and 1M users, at a multiple of the 8 MiB read buffer). The per-file v2 form
        // (--multiline-fields-format=v2) split records at its 4 MiB chunk boundaries in our tests.
        if (!multiline.isEmpty()) {
            LOG.info("Text with line breaks in {}", multiline);
        }
        args.add("--multiline-fields=true");
        relationships(args, staging, summary, CsvTable.FOLLOWS, Rel.FOLLOWS.name() + "=", Labels.USER_NAME, false);
        relationships(args, staging, summary, CsvTable.ENGAGEMENTS, "", Labels.TWEET_NAME, true);
        relationships(args, staging, summary, CsvTable.USER_SIGNALS, "", Labels.USER_NAME, true);
        relationships(args, staging, summary, CsvTable.TWEET_SIGNALS, "", Labels.TWEET_NAME, true);
        args.add("--id-type=integer");
        args.add("--overwrite-destination=" + storeExists);
        args.add("--skip-bad-relationships=false");
        args.add("--skip-duplicate-nodes=false");
        args.add("--threads=" + options.threads());
        args.add("--report-file=" + staging.resolve("import.report"));
        if (options.maxOffHeapMemory() != null) {
            args.add("--max-off-heap-memory=" + options.maxOffHeapMemory());
        }
        if (options.verbose()) {
            args.add("--verbose");
        }
        args.add(DATABASE);
        LOG.info("Running Neo4j's importer into {}", homeDir);
        LOG.debug("Importer arguments: {}", args);

        ImporterOutput output = new ImporterOutput(LOG, progress);
        int rc;
        try (PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // An empty configuration directory: the import uses the defaults, as the embedded DBMS does.
            ExecutionContext context = new ExecutionContext(
                    homeDir, staging.resolve("conf"), out, out, new DefaultFileSystemAbstraction());
            rc = new CommandLine(new ImportCommand.Full(context)).execute(args.toArray(String[]::new));
            output.closeTask();
            if (rc != 0) {
                // The importer leaves a partial store behind; remove it so the database starts empty again.
                deleteRecursively(homeDir.resolve("data").resolve("databases").resolve(DATABASE));
                deleteRecursively(
                        homeDir.resolve("data").resolve("transactions").resolve(DATABASE));
                throw new ImportException("Neo4j's importer failed (exit code " + rc + "; the partial store was"
                        + " removed):\n" + output.tail());
            }
        }
    }

    private static void relationships(
            List<String> args,
            Path staging,
            CsvSummary summary,
            CsvTable<?> table,
            String typePrefix,
            String endLabel,
            boolean typed) {
        if (summary.rows(table) == 0) {
            return;
        }
        String start = ":START_ID(" + Labels.USER_NAME + ")";
        String end = ":END_ID(" + endLabel + ")";
        String header = typed
                ? String.join(",", start, end, ":TYPE", Props.CREATED_AT + ":long")
                : String.join(",", start, end, Props.CREATED_AT + ":long");
        String name = table.fileName().replace(".csv", "");
        args.add("--relationships=" + typePrefix + header(staging, name, header) + ","
                + staging.resolve("rows").resolve(table.fileName()));
    }

    static String usersHeader() {
        return String.join(
                ",",
                ":ID(" + Labels.USER_NAME + ")",
                Props.ID + ":long",
                Props.HANDLE,
                Props.CREATED_AT + ":long",
                Props.VERIFIED + ":boolean");
    }

    static String tweetsHeader() {
        return String.join(
                ",",
                ":ID(" + Labels.TWEET_NAME + ")",
                Props.ID + ":long",
                ":IGNORE",
                Props.AUTHOR_ID + ":long",
                Props.CREATED_AT + ":long",
                Props.TEXT,
                Props.LANG,
                Props.HAS_MEDIA + ":boolean",
                Props.HAS_VIDEO + ":boolean",
                Props.HAS_LINK + ":boolean",
                Props.IN_REPLY_TO + ":long",
                Props.CONVERSATION_ID + ":long",
                Props.QUOTED_ID + ":long",
                Props.RETWEET_OF + ":long");
    }

    /** The staged tweets read as POSTED: the tweet is the end, its author the start, the rest ignored. */
    static String postedHeader() {
        List<String> columns = new ArrayList<>(List.of(
                ":END_ID(" + Labels.TWEET_NAME + ")",
                ":IGNORE",
                ":START_ID(" + Labels.USER_NAME + ")",
                ":IGNORE",
                Props.CREATED_AT + ":long"));
        columns.addAll(Collections.nCopies(CsvTable.TWEETS.columns().size() - 3, ":IGNORE"));
        return String.join(",", columns);
    }

    private static Path header(Path staging, String name, String header) {
        Path file = staging.resolve(name + "-header.csv");
        try {
            Files.writeString(file, header + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static void count(GraphDatabaseService db, Counts counts) {
        // Counts of one label or one type come from the count store: constant time.
        for (String label : List.of(Labels.USER_NAME, Labels.TWEET_NAME)) {
            counts.nodes(label, countOf(db, "MATCH (n:" + label + ") RETURN count(n) AS c"));
        }
        for (Rel type : Rel.values()) {
            counts.rels(type, countOf(db, "MATCH ()-[r:" + type.name() + "]->() RETURN count(r) AS c"));
        }
    }

    private static long countOf(GraphDatabaseService db, String query) {
        return db.executeTransactionally(query, Map.of(), r -> (Long) r.next().get("c"));
    }

    private Path createStaging(Path homeDir) {
        try {
            Path parent = options.stagingDir() != null ? options.stagingDir() : homeDir;
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "bulk-import-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory", e);
        }
    }

    private static boolean isEmptyDirectory(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }
}
