package roost.procedures.realgraph;

import java.util.Arrays;

/**
 * Fits a {@link LogisticModel} by Newton's method (iteratively reweighted least squares) with an
 * L2 penalty on the weights (not the bias), on features standardised to mean 0 and scale 1.
 * Exact to convergence; O(iterations x n x d^2) time, O(d^2) extra memory: meant for RealGraph's
 * handful of features.
 */
public final class LogisticRegression {
    private LogisticRegression() {}

    /**
     * @param x rows of features ({@code n x d}, not modified)
     * @param y labels
     * @param l2 penalty, at least 0
     */
    public static LogisticModel fit(double[][] x, boolean[] y, double l2, int maxIterations) {
        int n = x.length;
        int d = n == 0 ? 0 : x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j] / n;
            }
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1.0;
        }
        // Parameters: [bias, w_1..w_d] over standardised features.
        double[] beta = new double[d + 1];
        double[] z = new double[d + 1];
        for (int iteration = 0; iteration < maxIterations; iteration++) {
            double[] gradient = new double[d + 1];
            double[][] hessian = new double[d + 1][d + 1];
            for (int i = 0; i < n; i++) {
                z[0] = 1;
                for (int j = 0; j < d; j++) {
                    z[j + 1] = (x[i][j] - mean[j]) / scale[j];
                }
                double logit = 0;
                for (int j = 0; j <= d; j++) {
                    logit += beta[j] * z[j];
                }
                double p = 1 / (1 + Math.exp(-logit));
                double residual = (y[i] ? 1 : 0) - p;
                double weight = Math.max(p * (1 - p), 1e-12);
                for (int a = 0; a <= d; a++) {
                    gradient[a] += residual * z[a];
                    for (int b = 0; b <= a; b++) {
                        hessian[a][b] += weight * z[a] * z[b];
                    }
                }
            }
            for (int a = 1; a <= d; a++) {
                gradient[a] -= l2 * beta[a];
                hessian[a][a] += l2;
            }
            for (int a = 0; a <= d; a++) {
                for (int b = a + 1; b <= d; b++) {
                    hessian[a][b] = hessian[b][a];
                }
                hessian[a][a] += 1e-9;
            }
            double[] step = solve(hessian, gradient);
            double change = 0;
            for (int j = 0; j <= d; j++) {
                beta[j] += step[j];
                change = Math.max(change, Math.abs(step[j]));
            }
            if (change < 1e-8) {
                break;
            }
        }
        return new LogisticModel(beta[0], Arrays.copyOfRange(beta, 1, d + 1), mean, scale);
    }

    /** Solves {@code a x = b} for a symmetric positive definite {@code a} (Cholesky). */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] l = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = a[i][j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i][k] * l[j][k];
                }
                l[i][j] = i == j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / l[j][j];
            }
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double sum = b[i];
            for (int k = 0; k < i; k++) {
                sum -= l[i][k] * y[k];
            }
            y[i] = sum / l[i][i];
        }
        double[] x = new double[n];
        for (int i = n - 1; i >= 0; i--) {
            double sum = y[i];
            for (int k = i + 1; k < n; k++) {
                sum -= l[k][i] * x[k];
            }
            x[i] = sum / l[i][i];
        }
        return x;
    }

    /** Area under the ROC curve: the chance a random positive scores above a random negative (ties count half). */
    public static double auc(double[] scores, boolean[] labels) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPositive = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double averageRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[order[k]]) {
                    rankSumPositive += averageRank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
    }
}
