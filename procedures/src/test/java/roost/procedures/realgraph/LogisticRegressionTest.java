package roost.procedures.realgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {
    @Test
    void aucCountsPairsAndHalvesTies() {
        assertThat(LogisticRegression.auc(new double[] {0.1, 0.4, 0.35, 0.8}, new boolean[] {false, false, true, true}))
                .isEqualTo(0.75);
        assertThat(LogisticRegression.auc(new double[] {1, 1, 1}, new boolean[] {true, false, false}))
                .isEqualTo(0.5);
        assertThat(LogisticRegression.auc(new double[] {1, 2}, new boolean[] {true, true}))
                .isNaN();
    }

    @Test
    void recoversTheWeightsOfAKnownModel() {
        SplittableRandom rnd = new SplittableRandom(4);
        int n = 20_000;
        double[][] x = new double[n][3];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rnd.nextGaussian();
            x[i][1] = rnd.nextGaussian() * 2 + 1;
            x[i][2] = rnd.nextGaussian();
            double logit = -0.5 + 1.5 * x[i][0] - 0.75 * x[i][1] + 0 * x[i][2];
            y[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-logit));
        }
        LogisticModel m = LogisticRegression.fit(x, y, 0.0, 50);
        // Weights are on standardised features: w_raw = w / scale.
        assertThat(m.weights()[0] / m.scale()[0]).isCloseTo(1.5, within(0.1));
        assertThat(m.weights()[1] / m.scale()[1]).isCloseTo(-0.75, within(0.06));
        assertThat(m.weights()[2] / m.scale()[2]).isCloseTo(0.0, within(0.06));
        assertThat(m.probability(new double[] {0, 0, 0})).isCloseTo(1 / (1 + Math.exp(0.5)), within(0.03));
    }

    @Test
    void solvesLinearSystems() {
        double[] x = LogisticRegression.solve(new double[][] {{4, 2}, {2, 3}}, new double[] {2, 1});
        assertThat(x[0]).isCloseTo(0.5, within(1e-12));
        assertThat(x[1]).isCloseTo(0.0, within(1e-12));
    }
}
