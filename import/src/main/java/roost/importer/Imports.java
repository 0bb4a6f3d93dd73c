package roost.importer;

import java.nio.file.Path;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvSummary;
import roost.importer.csv.CsvValidator;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.importer.generate.GeneratorResult;
import roost.importer.higgs.HiggsConverter;
import roost.importer.higgs.HiggsCounts;
import roost.importer.higgs.HiggsOptions;
import roost.importer.load.BulkLoader;
import roost.importer.load.CypherLoader;
import roost.importer.load.ImportStats;
import roost.importer.load.TransactionalLoader;

/**
 * The import module in one place, for the command line and other callers. Build one with the
 * {@link Progress} to report to; every method runs in the calling thread and reports there.
 *
 * <pre>{@code
 * Imports imports = new Imports(new ConsoleProgress());
 * imports.generate(GeneratorConfig.defaults().withUsers(100_000), csvDir);   // or convertHiggs(...)
 * try {
 *     imports.loadBulk(csvDir, homeDir);               // new, empty database: fastest
 * } catch (ImportException.DatabaseNotEmpty e) {
 *     imports.loadTransactional(csvDir, db);           // existing database: idempotent
 * }
 * }</pre>
 *
 * <p>Costs, measured on a 2-core machine (the README has the details): generation about 1 M
 * relationships per second; validation about 3 M rows per second; bulk load about 140 k
 * relationships per second on 50 M relationships, with about 15 s of fixed costs that dominate
 * small loads; transactional and Cypher loads about 25 k rows per second. Every load validates the
 * whole directory before it writes anything.
 *
 * <p>Thread-safety: an instance holds only its settings; concurrent calls are safe as long as
 * they do not load into the same database or write into the same directory, and the progress
 * given is thread-safe ({@link ConsoleProgress} is not).
 */
public final class Imports {
    private final Progress progress;
    private final int batchSize;
    private final BulkLoader.Options bulkOptions;

    /** Reports to {@code progress}; transactional batches of 10,000 rows; bulk with Neo4j's defaults. */
    public Imports(Progress progress) {
        this(progress, TransactionalLoader.DEFAULT_BATCH_SIZE, BulkLoader.Options.defaults());
    }

    /**
     * @param batchSize rows per transaction of the transactional and Cypher loads
     * @param bulkOptions threads, memory and staging directory of the bulk load
     */
    public Imports(Progress progress, int batchSize, BulkLoader.Options bulkOptions) {
        this.progress = progress;
        this.batchSize = batchSize;
        this.bulkOptions = bulkOptions;
    }

    /**
     * Checks a CSV directory as a load into a new database would (no database lookups). O(rows),
     * memory O(users + tweets).
     *
     * @throws ImportException at the first fault: file, line and reason
     */
    public CsvSummary validate(Path csvDir) {
        return CsvValidator.validate(new CsvDirectory(csvDir), progress);
    }

    /** Loads into any database, idempotently, through the Core API. See {@link TransactionalLoader}. */
    public ImportStats loadTransactional(Path csvDir, GraphDatabaseService db) {
        return new TransactionalLoader(batchSize, progress).load(csvDir, db);
    }

    /** Loads into any database, idempotently, with batched Cypher MERGE. See {@link CypherLoader}. */
    public ImportStats loadCypher(Path csvDir, GraphDatabaseService db) {
        return new CypherLoader(batchSize, progress).load(csvDir, db);
    }

    /**
     * Fills the new or empty database of {@code homeDir} (whose DBMS must not be running) with Neo4j's
     * batch importer. See {@link BulkLoader}.
     *
     * @throws ImportException.DatabaseNotEmpty when the database holds data: use {@link #loadTransactional}
     */
    public ImportStats loadBulk(Path csvDir, Path homeDir) {
        return new BulkLoader(bulkOptions, progress).load(csvDir, homeDir);
    }

    /** Converts the Higgs Twitter files in {@code higgsDir} to a CSV directory. See {@link HiggsConverter}. */
    public HiggsCounts convertHiggs(Path higgsDir, Path outDir, HiggsOptions options) {
        return new HiggsConverter().convert(higgsDir, outDir, options, progress);
    }

    /** Writes a synthetic network and its ground truth to {@code outDir}. See {@link Generator}. */
    public GeneratorResult generate(GeneratorConfig config, Path outDir) {
        return new Generator().generate(config, outDir, progress);
    }
}
