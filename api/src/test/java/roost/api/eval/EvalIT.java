package roost.api.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.importer.Progress;
import roost.importer.generate.Generator;
import roost.importer.generate.GeneratorConfig;
import roost.model.Rel;

/**
 * The harness end to end on a small generated network: split, bulk load, every method, metrics,
 * report and plots; and the check that the full pipeline ranks better than random and popularity,
 * which a random ranking in the pipeline's place fails.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalIT {
    static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
    static final int DAYS = 12;
    static final String RANDOM_AS_PIPELINE = "random in the pipeline's place";

    private Evaluation.Result result;
    private Path out;

    @BeforeAll
    void run(@TempDir Path tmp) {
        Path data = tmp.resolve("generated");
        new Generator()
                .generate(
                        GeneratorConfig.defaults()
                                .withUsers(3000)
                                .withDays(DAYS)
                                .withStart(START)
                                .withSeed(7),
                        data,
                        Progress.silent());
        long split = START.plusSeconds(86_400L * (DAYS - 2)).toEpochMilli();
        // The report and plots stay in the module's target/ for a look after the run.
        out = Path.of("target", "eval-it");
        EvalSettings settings = new EvalSettings(
                data,
                split,
                Long.MAX_VALUE,
                48 * 3_600_000L,
                400,
                42,
                new int[] {10, 50, 200},
                EnumSet.of(
                        Rel.LIKED,
                        Rel.RETWEETED,
                        Rel.REPLIED,
                        Rel.QUOTED,
                        Rel.CLICKED,
                        Rel.PROFILE_CLICKED,
                        Rel.VIDEO_VIEWED,
                        Rel.DWELLED),
                out,
                null,
                false);
        RoostConfig config = RoostConfig.load(null, Map.of(), Map.of(Setting.PAGECACHE.key(), "64m"));
        result = new Evaluation(config, Progress.silent()).run(settings, (split1, db) -> {
            List<Method> methods = new ArrayList<>(Methods.standard(split1, db, 42));
            // The control: a random ranking (another seed) where the pipeline would be.
            Method random = Methods.random(RANDOM_AS_PIPELINE, split1, 4242);
            methods.add(Method.of(RANDOM_AS_PIPELINE, Method.Kind.BASELINE, random::recommend));
            return methods;
        });
    }

    /** The pipeline's check: better NDCG and recall than both at K = 10 and 50, at the tweet and the author level. */
    static List<String> failuresToBeat(Evaluation.Result r, String method, String... baselines) {
        List<String> failures = new ArrayList<>();
        MethodScore m = r.score(method);
        for (String name : baselines) {
            MethodScore b = r.score(name);
            for (int k : new int[] {10, 50}) {
                int j = r.kIndex(k);
                compare(failures, "tweet NDCG@" + k, method, m.tweetNdcg(j), name, b.tweetNdcg(j));
                compare(failures, "tweet recall@" + k, method, m.tweetRecall(j), name, b.tweetRecall(j));
                compare(failures, "author NDCG@" + k, method, m.authorNdcg(j), name, b.authorNdcg(j));
                compare(failures, "author recall@" + k, method, m.authorRecall(j), name, b.authorRecall(j));
            }
        }
        return failures;
    }

    private static void compare(List<String> failures, String metric, String a, double va, String b, double vb) {
        if (!(va > vb)) {
            failures.add(String.format("%s: %s %.4f <= %s %.4f", metric, a, va, b, vb));
        }
    }

    @Test
    void thePipelineBeatsRandomAndPopularity() {
        assertThat(failuresToBeat(result, "pipeline", "random", "popular")).isEmpty();
    }

    @Test
    void theCheckFailsForARandomRankingInThePipelinesPlace() {
        assertThat(failuresToBeat(result, RANDOM_AS_PIPELINE, "random", "popular"))
                .isNotEmpty();
        assertThat(failuresToBeat(result, RANDOM_AS_PIPELINE, "popular")).hasSize(8);
    }

    @Test
    void enoughViewersAndTargetsForTheComparisonToMean() {
        assertThat(result.viewers()).isEqualTo(400);
        assertThat(result.score("pipeline").tweetViewers).isGreaterThan(50);
        assertThat(result.data().targetEngagements).isGreaterThan(1000);
    }

    @Test
    void everyMethodAnsweredAndNoneFailed() {
        assertThat(result.scores())
                .extracting(s -> s.method().name())
                .contains(
                        "random",
                        "popular",
                        "chronological",
                        "engaged-by-followings",
                        "salsa-tweets",
                        "pipeline",
                        IdealRanking.TWEETS,
                        IdealRanking.AUTHORS);
        for (MethodScore s : result.scores()) {
            assertThat(s.errors).as(s.method().name()).isZero();
            assertThat(s.meanItems(result.kIndex(10))).as(s.method().name()).isGreaterThan(5);
        }
    }

    @Test
    void theIdealTweetRankingBeatsEveryOtherMethodAtTheTweetLevel() {
        int j = result.kIndex(50);
        double ideal = result.score(IdealRanking.TWEETS).tweetNdcg(j);
        for (MethodScore s : result.scores()) {
            if (s.method().kind() != Method.Kind.IDEAL) {
                assertThat(s.tweetNdcg(j)).as(s.method().name()).isLessThan(ideal);
            }
        }
    }

    @Test
    void theIdealAuthorRankingBeatsEveryOtherMethodAtTheAuthorLevel() {
        int j = result.kIndex(50);
        double ideal = result.score(IdealRanking.AUTHORS).authorNdcg(j);
        for (MethodScore s : result.scores()) {
            if (s.method().kind() != Method.Kind.IDEAL) {
                assertThat(s.authorNdcg(j)).as(s.method().name()).isLessThan(ideal);
            }
        }
    }

    @Test
    void metricsAreProbabilitiesAndGrowWithK() {
        for (MethodScore s : result.scores()) {
            for (int j = 0; j < 3; j++) {
                assertThat(s.tweetRecall(j)).isBetween(0.0, 1.0);
                assertThat(s.tweetNdcg(j)).isBetween(0.0, 1.0);
                assertThat(s.authorRecall(j)).isBetween(0.0, 1.0);
                assertThat(s.authorNdcg(j)).isBetween(0.0, 1.0);
                assertThat(s.inNetworkShare(j)).isBetween(0.0, 1.0);
            }
            assertThat(s.tweetRecall(0)).isLessThanOrEqualTo(s.tweetRecall(1));
            assertThat(s.tweetRecall(1)).isLessThanOrEqualTo(s.tweetRecall(2));
            assertThat(s.authorHitRate(0)).isLessThanOrEqualTo(s.authorHitRate(2));
        }
        // The chronological baseline shows followees only; random almost never.
        assertThat(result.score("chronological").inNetworkShare(1)).isEqualTo(1.0);
        assertThat(result.score("random").inNetworkShare(1)).isLessThan(0.2);
    }

    @Test
    void theReportStatesTheTaskAndTheLiftAndThePlotsArePngs() throws IOException {
        String report = EvalReport.markdown(result, "./roost eval --data X --split Y");
        assertThat(report)
                .contains("## The task", "Tweet level: a hit is", "Author level: a hit is", "400 sampled (seed 42)")
                .contains("## K = 10", "## K = 50", "## K = 200", "## Fraction of the ideal NDCG")
                .contains("## Lift of the pipeline over the best baseline");
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), report);
        List<Path> plots = EvalPlots.write(result, out);
        assertThat(plots).hasSize(2 + result.scores().size());
        for (Path p : plots) {
            byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(p), 4);
            assertThat(head).as(p.toString()).containsExactly(0x89, 'P', 'N', 'G');
        }
    }
}
