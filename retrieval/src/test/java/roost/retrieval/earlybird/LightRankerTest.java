package roost.retrieval.earlybird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LightRankerTest {
    @Test
    void fallbackPrefersRecentAndInteractedWithTweets() {
        LightRanker m = LightRanker.fallback();
        double[] fresh = new double[LightRanker.SIZE];
        double[] old = new double[LightRanker.SIZE];
        long[] counts = new long[Engagement.size()];
        LightRanker.Features.fill(fresh, 0, counts, 0, 0.5, 0, 100, true);
        LightRanker.Features.fill(old, 72 * 3_600_000L, counts, 0, 0.5, 0, 100, true);
        assertThat(m.score(fresh)).isGreaterThan(m.score(old));
        assertThat(m.trained()).isFalse();
        assertThat(m.version()).isZero();
    }

    @Test
    void roundTripsThroughItsSavedFormAndRefusesAnotherFeatureList() {
        LightRanker m = LightRankerTrainer.fit(data(500, 3).x, data(500, 3).y, ones(500), 1.0, 4)
                .model();
        LightRanker back = LightRanker.fromMap(m.toMap());
        assertThat(back.weights()).containsExactly(m.weights());
        assertThat(back.bias()).isEqualTo(m.bias());
        assertThat(back.version()).isEqualTo(4);
        assertThat(back.trained()).isTrue();
        Map<String, String> other = new HashMap<>(m.toMap());
        other.put("features", "recency,somethingElse");
        assertThatThrownBy(() -> LightRanker.fromMap(other)).hasMessageContaining("features");
    }

    @Test
    void trainingRecoversAPlantedSignalOnHeldOutData() {
        Data train = data(4000, 11);
        Data test = data(2000, 12);
        LightRanker m = LightRankerTrainer.fit(train.x, train.y, ones(train.y.length), 1.0, 1)
                .model();
        double[] scores = new double[test.y.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = m.score(test.x[i]);
        }
        double auc = LightRankerTrainer.auc(scores, test.y);
        // Labels depend on interaction (+) and isReply (-) only; the fit must find both signs.
        assertThat(auc).isGreaterThan(0.75);
        assertThat(m.weights()[LightRanker.INTERACTION]).isGreaterThan(1.0);
        assertThat(m.weights()[LightRanker.IS_REPLY]).isLessThan(-0.5);
    }

    @Test
    void aucOfKnownRankings() {
        assertThat(LightRankerTrainer.auc(new double[] {0.1, 0.2, 0.8, 0.9}, new int[] {0, 0, 1, 1}))
                .isEqualTo(1.0);
        assertThat(LightRankerTrainer.auc(new double[] {0.9, 0.8, 0.2, 0.1}, new int[] {0, 0, 1, 1}))
                .isEqualTo(0.0);
        assertThat(LightRankerTrainer.auc(new double[] {0.5, 0.5}, new int[] {0, 1}))
                .isEqualTo(0.5);
        assertThat(LightRankerTrainer.auc(new double[] {0.5, 0.7}, new int[] {1, 1}))
                .isNaN();
    }

    record Data(double[][] x, int[] y) {}

    static Data data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][LightRanker.SIZE];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < LightRanker.SIZE; j++) {
                x[i][j] = r.nextDouble();
            }
            x[i][LightRanker.IS_REPLY] = r.nextBoolean() ? 1 : 0;
            double z = -1 + 4 * x[i][LightRanker.INTERACTION] - 1.5 * x[i][LightRanker.IS_REPLY];
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        return new Data(x, y);
    }

    static double[] ones(int n) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        return w;
    }
}
