package roost.api.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import roost.importer.Progress;
import roost.importer.csv.CsvWriter;
import roost.model.Records.Tweet;
import roost.model.Rel;

/** The split, the targets, the baselines and the metrics on a data set small enough to check by hand. */
class EvalSplitTest {
    private static final long H = 3_600_000L;
    private static final long T0 = 1_700_000_000_000L;
    private static final long SPLIT = T0 + 10 * H;

    @TempDir
    Path tmp;

    private DataSplit data;

    @BeforeEach
    void split() {
        Path csv = tmp.resolve("csv");
        try (CsvWriter w = new CsvWriter(csv)) {
            for (long u = 1; u <= 4; u++) {
                w.user(u, "u" + u, T0, false);
            }
            w.user(5, "late", SPLIT + H, false); // created after the split: not in the state
            tweet(w, 100, 2, T0 + H);
            tweet(w, 101, 3, T0 + 2 * H);
            tweet(w, 102, 4, T0 + 9 * H);
            tweet(w, 103, 2, T0 + 11 * H); // after the split
            tweet(w, 104, 1, T0 + 3 * H); // the viewer's own
            w.follow(1, 2, T0);
            w.follow(1, 3, T0 + 12 * H); // after the split
            w.engagement(1, 100, Rel.LIKED, T0 + 5 * H);
            w.engagement(2, 102, Rel.LIKED, T0 + 9 * H + H / 2);
            w.engagement(1, 101, Rel.LIKED, T0 + 11 * H); // tweet- and author-level target
            w.engagement(1, 103, Rel.LIKED, T0 + 12 * H); // author level only: the tweet is new
            w.engagement(1, 104, Rel.LIKED, T0 + 13 * H); // own tweet: no target
            w.engagement(1, 100, Rel.RETWEETED, T0 + 12 * H); // engaged before: author level only
            w.engagement(3, 100, Rel.LIKED, T0 + 11 * H); // user 3 was not active before
            w.engagement(5, 101, Rel.LIKED, T0 + 12 * H);
            w.userSignal(2, 4, Rel.MUTED, T0 + 4 * H);
            w.userSignal(2, 3, Rel.MUTED, T0 + 14 * H); // after the split
        }
        data = DataSplit.split(
                csv,
                tmp.resolve("before"),
                SPLIT,
                Long.MAX_VALUE,
                48 * H,
                EnumSet.of(Rel.LIKED, Rel.RETWEETED),
                Progress.silent());
    }

    private static void tweet(CsvWriter w, long id, long author, long at) {
        w.tweet(new Tweet(id, author, at, "t" + id, "en", false, false, false, null, id, null, null));
    }

    @Test
    void theStateHoldsOnlyWhatHappenedBeforeTheSplit() throws IOException {
        Path before = tmp.resolve("before");
        assertThat(Files.readAllLines(before.resolve("users.csv"))).hasSize(1 + 4);
        assertThat(Files.readAllLines(before.resolve("tweets.csv")))
                .hasSize(1 + 4)
                .noneMatch(l -> l.startsWith("103,"));
        assertThat(Files.readAllLines(before.resolve("follows.csv")))
                .containsExactly("followerId,followeeId,createdAt", "1,2," + T0);
        assertThat(Files.readAllLines(before.resolve("engagements.csv")))
                .containsExactly(
                        "userId,tweetId,type,createdAt",
                        "1,100,LIKED," + (T0 + 5 * H),
                        "2,102,LIKED," + (T0 + 9 * H + H / 2));
        assertThat(Files.readAllLines(before.resolve("user-signals.csv"))).hasSize(2);
        assertThat(data.rowsBefore).isEqualTo(4 + 4 + 1 + 2 + 1);
        assertThat(data.targetEngagements).isEqualTo(6);
    }

    @Test
    void targetsAtTheTweetAndTheAuthorLevel() {
        assertThat(data.targetTweets.get(1L)).containsExactlyInAnyOrder(101L);
        assertThat(data.targetAuthors.get(1L)).containsExactlyInAnyOrder(2L, 3L);
        assertThat(data.targetTweets.get(3L)).containsExactlyInAnyOrder(100L);
        // Active on both sides: user 1 only (2 has no target, 3 and 5 engaged only after the split).
        assertThat(data.eligibleViewers().toLongArray()).containsExactly(1L);
    }

    @Test
    void baselinesFromTheStateAtTheSplit() {
        // 100 is engaged before and 104 is the viewer's own: neither is ever shown to viewer 1.
        assertThat(ids(Methods.popular(data).recommend(1, 10))).containsExactly(102L);
        assertThat(ids(Methods.popular(data).recommend(3, 10))).containsExactly(102L, 100L);
        assertThat(ids(Methods.chronological(data).recommend(1, 10))).isEmpty();
        assertThat(ids(Methods.chronological(data).recommend(2, 10))).isEmpty();
        Method random = Methods.random(data, 1);
        assertThat(ids(random.recommend(1, 10))).containsExactlyInAnyOrder(101L, 102L);
        assertThat(random.recommend(1, 10)).isEqualTo(random.recommend(1, 10));
        assertThat(ids(random.recommend(1, 1))).hasSize(1);
    }

    @Test
    void metricsOfOneAnswerComputedByHand() {
        MethodScore s = new MethodScore(Methods.popular(data), new int[] {1, 3});
        // Authors 4, 3, 2; tweet hit at rank 2; author hits at ranks 2 and 3; 100 is by a followee.
        s.add(
                data,
                1,
                List.of(new Recommendation(102, 4, 3), new Recommendation(101, 3, 2), new Recommendation(100, 2, 1)),
                0);
        double log3 = Math.log(3) / Math.log(2);
        assertThat(s.tweetRecall(0)).isZero();
        assertThat(s.tweetRecall(1)).isEqualTo(1.0);
        assertThat(s.tweetNdcg(1)).isCloseTo(1 / log3, within(1e-12));
        assertThat(s.tweetHitRate(0)).isZero();
        assertThat(s.tweetHitRate(1)).isEqualTo(1.0);
        assertThat(s.authorRecall(1)).isEqualTo(1.0);
        assertThat(s.authorNdcg(1)).isCloseTo((1 / log3 + 0.5) / (1 + 1 / log3), within(1e-12));
        assertThat(s.inNetworkShare(1)).isCloseTo(1 / 3.0, within(1e-12));
        assertThat(s.distinctAuthors(1)).isEqualTo(3);
        assertThat(s.coveredAuthors(1)).isEqualTo(3);
        assertThat(s.tweetRecallCurve).containsExactly(0, 1, 1);
        assertThat(s.authorRecallCurve).containsExactly(0, 0.5, 1);
        assertThat(s.hitScores.toDoubleArray()).containsExactly(2, 1);
        assertThat(s.missScores.toDoubleArray()).containsExactly(3);
    }

    @Test
    void theViewerSampleIsDeterministicForASeed() {
        LongArrayList all = new LongArrayList();
        for (long i = 1; i <= 1000; i++) {
            all.add(i);
        }
        long[] sample = Evaluation.sample(all, 50, 42).toLongArray();
        assertThat(Evaluation.sample(all, 50, 42).toLongArray()).isEqualTo(sample);
        assertThat(Evaluation.sample(all, 50, 43).toLongArray()).isNotEqualTo(sample);
        assertThat(sample).hasSize(50).isSorted().doesNotHaveDuplicates();
        assertThat(Evaluation.sample(all, 5000, 42).toLongArray()).isEqualTo(all.toLongArray());
    }

    @Test
    void aSplitBeforeEveryEngagementNamesTheOption() {
        EvalSettings s = new EvalSettings(
                tmp.resolve("csv"),
                T0,
                Long.MAX_VALUE,
                48 * H,
                10,
                42,
                new int[] {10},
                EnumSet.of(Rel.LIKED),
                tmp.resolve("out"),
                null,
                false);
        assertThatThrownBy(() -> new Evaluation(roost.api.config.RoostConfig.defaults(), Progress.silent()).run(s))
                .hasMessageContaining("--split")
                .hasMessageContaining("first engagement");
    }

    private static List<Long> ids(List<Recommendation> rs) {
        return rs.stream().map(Recommendation::tweetId).toList();
    }
}
