package roost.api.eval;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.neo4j.graphdb.GraphDatabaseService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.db.EmbeddedNeo4j;
import roost.importer.Progress;
import roost.importer.csv.CsvTable;
import roost.importer.load.BulkLoader;
import roost.model.RoostException;

/**
 * Offline evaluation: split a generic-CSV data set at a time, bulk-load the part before the split
 * into a fresh database, ask every method for each sampled viewer's ranking from that state, and
 * score the rankings against the viewers' engagements after the split.
 */
public final class Evaluation {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluation.class);

    private final RoostConfig base;
    private final Progress progress;

    /** @param base settings of the database the evaluation opens (its data dir and Bolt are overridden) */
    public Evaluation(RoostConfig base, Progress progress) {
        this.base = base;
        this.progress = progress;
    }

    /** The methods of {@link Methods#standard}. */
    public Result run(EvalSettings settings) {
        return run(settings, (data, db) -> Methods.standard(data, db, settings.seed()));
    }

    /** Runs with the methods {@code methods} builds from the state at the split and its database. */
    public Result run(EvalSettings settings, BiFunction<DataSplit, GraphDatabaseService, List<Method>> methods) {
        if (!Files.isRegularFile(settings.data().resolve(CsvTable.USERS.fileName()))) {
            throw new RoostException.InvalidArgument("--data " + settings.data()
                    + " is not a generic-CSV directory: it has no " + CsvTable.USERS.fileName());
        }
        long t0 = System.nanoTime();
        Path work = settings.workDir();
        boolean ownWork = work == null;
        try {
            work = ownWork ? Files.createTempDirectory("roost-eval-") : work;
            Path before = work.resolve("before-split-csv");
            Path dbDir = work.resolve("db");
            if (Files.exists(before) || Files.exists(dbDir)) {
                throw new RoostException.InvalidArgument("--work-dir " + work
                        + " already holds an evaluation (before-split-csv/ or db/): give an empty directory");
            }
            DataSplit data = DataSplit.split(
                    settings.data(),
                    before,
                    settings.split(),
                    settings.horizonEnd(),
                    settings.windowMillis(),
                    settings.targetTypes(),
                    progress);
            checkSplit(settings, data);
            RoostConfig config = base.with(Setting.DATA_DIR, dbDir.toString()).with(Setting.BOLT_ENABLED, "false");
            // One importer thread: the store's layout, and with it the order in which the live graph
            // is built and seeded walks pick neighbours, is then the same in every run.
            new BulkLoader(
                            BulkLoader.Options.defaults()
                                    .withThreads(1)
                                    .withVerbose(config.getBoolean(Setting.IMPORT_VERBOSE))
                                    .withStartAfterImport(false),
                            progress)
                    .load(before, EmbeddedNeo4j.homeOf(config.dataDir()));
            try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
                GraphDatabaseService db = neo4j.db();
                db.executeTransactionally("CALL roost.graph.stats()");
                LongArrayList eligible = data.eligibleViewers(settings.onlyFollowing());
                LongArrayList viewers = sample(eligible, settings.viewers(), settings.seed());
                List<MethodScore> scores = new ArrayList<>();
                for (Method m : methods.apply(data, db)) {
                    scores.add(new MethodScore(m, settings.ks()));
                }
                score(data, viewers, scores, settings.maxK());
                int following = 0;
                for (long v : viewers) {
                    following += data.followees.containsKey(v) ? 1 : 0;
                }
                return new Result(
                        settings,
                        data,
                        eligible.size(),
                        viewers.size(),
                        following,
                        scores,
                        (System.nanoTime() - t0) / 1e9);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (ownWork && work != null) {
                deleteTree(work);
            } else if (work != null) {
                LOG.info("Kept the pre-split data and database in {}", work);
            }
        }
    }

    private static void checkSplit(EvalSettings s, DataSplit data) {
        if (data.firstEngagement == Long.MAX_VALUE) {
            throw new RoostException.InvalidArgument("--data " + s.data() + " has no engagements to evaluate against");
        }
        if (s.split() <= data.firstEngagement || s.split() > data.lastEngagement) {
            throw new RoostException.InvalidArgument("--split " + Instant.ofEpochMilli(s.split())
                    + " must fall after the first engagement (" + Instant.ofEpochMilli(data.firstEngagement)
                    + ") and at or before the last (" + Instant.ofEpochMilli(data.lastEngagement) + ")");
        }
        if (data.targetEngagements == 0) {
            throw new RoostException.InvalidArgument("--split " + Instant.ofEpochMilli(s.split())
                    + " leaves no target engagement (of the target types, before the horizon) after it");
        }
    }

    /** {@code n} of the eligible viewers (sorted by id), drawn without replacement with the seed. */
    static LongArrayList sample(LongArrayList eligible, int n, long seed) {
        long[] ids = eligible.toLongArray();
        SplittableRandom r = new SplittableRandom(seed);
        int take = Math.min(n, ids.length);
        for (int i = 0; i < take; i++) {
            int j = i + r.nextInt(ids.length - i);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        LongArrayList out = new LongArrayList(java.util.Arrays.copyOf(ids, take));
        out.sort(null);
        return out;
    }

    private void score(DataSplit data, LongArrayList viewers, List<MethodScore> scores, int maxK) {
        try (Progress.Task task = progress.start("evaluate viewers", viewers.size())) {
            for (long viewer : viewers) {
                for (MethodScore s : scores) {
                    long start = System.nanoTime();
                    List<Recommendation> answer;
                    try {
                        answer = s.method.recommend(viewer, maxK);
                    } catch (RuntimeException e) {
                        // A method that fails for one viewer scores an empty answer, and the report says how often.
                        if (s.errors++ == 0) {
                            LOG.warn("{} failed for viewer {}: {}", s.method.name(), viewer, e.toString());
                        }
                        answer = List.of();
                    }
                    s.add(data, viewer, answer, System.nanoTime() - start);
                }
                task.step(1);
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    /** What a run measured. */
    public record Result(
            EvalSettings settings,
            DataSplit data,
            int eligibleViewers,
            int viewers,
            int viewersFollowing,
            List<MethodScore> scores,
            double seconds) {

        public MethodScore score(String method) {
            return scores.stream()
                    .filter(s -> s.method.name().equals(method))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no method " + method));
        }

        /** Index of cut-off {@code k} in the settings' cut-offs. */
        public int kIndex(int k) {
            int[] ks = settings.ks();
            for (int i = 0; i < ks.length; i++) {
                if (ks[i] == k) {
                    return i;
                }
            }
            throw new IllegalArgumentException("K " + k + " was not evaluated");
        }
    }
}
