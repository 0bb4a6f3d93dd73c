package roost.retrieval.earlybird;

import java.util.Arrays;

/**
 * Fits a {@link LightRanker}: weighted logistic regression by Newton's method with an L2 penalty
 * (the bias is not penalised), and the AUC of a scored set. Plain arrays; O(n d^2) per iteration.
 */
public final class LightRankerTrainer {
    private LightRankerTrainer() {}

    /** What one fit did. */
    public record Fit(LightRanker model, int iterations, double logLoss) {}

    /**
     * @param x feature rows ({@link LightRanker#SIZE} each)
     * @param y labels, 0 or 1
     * @param w example weights (> 0), e.g. the original's label weights for positives
     * @param l2 penalty on the weights
     * @param version version the fitted model gets
     */
    public static Fit fit(double[][] x, int[] y, double[] w, double l2, long version) {
        int d = LightRanker.SIZE + 1;
        double[] beta = new double[d];
        int it = 0;
        double loss = Double.NaN;
        for (; it < 50; it++) {
            double[] grad = new double[d];
            double[][] hess = new double[d][d];
            loss = 0;
            double[] row = new double[d];
            for (int n = 0; n < x.length; n++) {
                row[0] = 1;
                System.arraycopy(x[n], 0, row, 1, d - 1);
                double z = 0;
                for (int j = 0; j < d; j++) {
                    z += beta[j] * row[j];
                }
                double p = 1 / (1 + Math.exp(-z));
                p = Math.min(1 - 1e-12, Math.max(1e-12, p));
                loss -= w[n] * (y[n] == 1 ? Math.log(p) : Math.log(1 - p));
                double g = w[n] * (p - y[n]);
                double h = w[n] * p * (1 - p);
                for (int j = 0; j < d; j++) {
                    grad[j] += g * row[j];
                    for (int k = 0; k <= j; k++) {
                        hess[j][k] += h * row[j] * row[k];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                for (int k = 0; k < j; k++) {
                    hess[k][j] = hess[j][k];
                }
                if (j > 0) {
                    grad[j] += l2 * beta[j];
                    hess[j][j] += l2;
                }
                hess[j][j] += 1e-9;
            }
            double[] step = solve(hess, grad);
            double max = 0;
            for (int j = 0; j < d; j++) {
                beta[j] -= step[j];
                max = Math.max(max, Math.abs(step[j]));
            }
            if (max < 1e-7) {
                it++;
                break;
            }
        }
        double[] weights = Arrays.copyOfRange(beta, 1, d);
        return new Fit(new LightRanker(beta[0], weights, version, true), it, loss);
    }

    /** Area under the ROC curve (ties count half); NaN when one class is missing. */
    public static double auc(double[] scores, int[] labels) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = scores.length - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    private static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][n + 1];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
        }
        for (int c = 0; c < n; c++) {
            int p = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(m[r][c]) > Math.abs(m[p][c])) {
                    p = r;
                }
            }
            double[] t = m[c];
            m[c] = m[p];
            m[p] = t;
            double piv = m[c][c];
            if (Math.abs(piv) < 1e-15) {
                continue;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = m[r][c] / piv;
                    for (int k = c; k <= n; k++) {
                        m[r][k] -= f * m[c][k];
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = Math.abs(m[i][i]) < 1e-15 ? 0 : m[i][n] / m[i][i];
        }
        return out;
    }
}
