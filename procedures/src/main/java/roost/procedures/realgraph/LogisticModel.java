package roost.procedures.realgraph;

/**
 * Logistic regression over standardised features: {@code p = 1 / (1 + exp(-(b + sum w_i (x_i - mean_i) / scale_i)))}.
 * Immutable; thread-safe.
 */
public record LogisticModel(double bias, double[] weights, double[] mean, double[] scale) {
    public LogisticModel {
        if (weights.length != mean.length || weights.length != scale.length) {
            throw new IllegalArgumentException("weights, mean and scale differ in length");
        }
    }

    /** The linear score (log-odds). */
    public double logit(double[] x) {
        double z = bias;
        for (int i = 0; i < weights.length; i++) {
            z += weights[i] * (x[i] - mean[i]) / scale[i];
        }
        return z;
    }

    public double probability(double[] x) {
        return 1.0 / (1.0 + Math.exp(-logit(x)));
    }
}
