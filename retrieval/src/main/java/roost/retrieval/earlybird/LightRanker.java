package roost.retrieval.earlybird;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Earlybird's light ranker: a logistic regression over {@link #FEATURES}, score =
 * sigmoid(bias + w . x). {@link #fallback()} has hand-set weights for a start without a trained
 * model; {@link LightRankerTrainer} fits the weights from engagement history.
 *
 * <p>Saved as a flat string map ({@link #toMap()}, {@link #fromMap(Map)}) carrying the format, a
 * model version (incremented by each training) and the feature names, so a model saved with other
 * features is refused, never silently misread. Immutable and thread-safe.
 */
public final class LightRanker {
    /** The features, in order. All are 0 to about 10; see {@link Features}. */
    public static final List<String> FEATURES = List.of(
            "recency",
            "logFavorites",
            "logRetweets",
            "logReplies",
            "logQuotes",
            "authorReputation",
            "interaction",
            "hasLink",
            "hasMedia",
            "isReply",
            "textLength",
            "languageMatch");

    public static final int RECENCY = 0;
    public static final int LOG_FAVORITES = 1;
    public static final int LOG_RETWEETS = 2;
    public static final int LOG_REPLIES = 3;
    public static final int LOG_QUOTES = 4;
    public static final int AUTHOR_REPUTATION = 5;
    public static final int INTERACTION = 6;
    public static final int HAS_LINK = 7;
    public static final int HAS_MEDIA = 8;
    public static final int IS_REPLY = 9;
    public static final int TEXT_LENGTH = 10;
    public static final int LANGUAGE_MATCH = 11;
    public static final int SIZE = FEATURES.size();

    /** Half-life of the recency feature. */
    public static final double RECENCY_HALF_LIFE_MS = 24 * 3_600_000.0;

    static final String FORMAT = "roost-lightranker-1";

    private final double bias;
    private final double[] weights;
    private final long version;
    private final boolean trained;

    public LightRanker(double bias, double[] weights, long version, boolean trained) {
        if (weights.length != SIZE) {
            throw new IllegalArgumentException("expected " + SIZE + " weights, got " + weights.length);
        }
        for (double w : weights) {
            if (!Double.isFinite(w)) {
                throw new IllegalArgumentException("weights must be finite: " + Arrays.toString(weights));
            }
        }
        this.bias = bias;
        this.weights = weights.clone();
        this.version = version;
        this.trained = trained;
    }

    /**
     * The hand-set model: recent tweets of accounts the viewer interacts with, that others engaged
     * with, in the viewer's language, ahead; replies a little behind. Version 0, not trained.
     */
    public static LightRanker fallback() {
        double[] w = new double[SIZE];
        w[RECENCY] = 2.0;
        w[LOG_FAVORITES] = 0.3;
        w[LOG_RETWEETS] = 0.4;
        w[LOG_REPLIES] = 0.5;
        w[LOG_QUOTES] = 0.3;
        w[AUTHOR_REPUTATION] = 0.2;
        w[INTERACTION] = 1.5;
        w[HAS_LINK] = -0.1;
        w[HAS_MEDIA] = 0.2;
        w[IS_REPLY] = -0.5;
        w[TEXT_LENGTH] = 0.1;
        w[LANGUAGE_MATCH] = 0.5;
        return new LightRanker(-3.0, w, 0, false);
    }

    public double score(double[] x) {
        double z = bias;
        for (int i = 0; i < SIZE; i++) {
            z += weights[i] * x[i];
        }
        return 1.0 / (1.0 + Math.exp(-z));
    }

    public double bias() {
        return bias;
    }

    public double[] weights() {
        return weights.clone();
    }

    public long version() {
        return version;
    }

    public boolean trained() {
        return trained;
    }

    /** Weights by feature name, bias first. */
    public Map<String, Double> namedWeights() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("bias", bias);
        for (int i = 0; i < SIZE; i++) {
            m.put(FEATURES.get(i), weights[i]);
        }
        return m;
    }

    /** The model as strings, for saving. */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", Long.toString(version));
        m.put("trained", Boolean.toString(trained));
        m.put("features", String.join(",", FEATURES));
        m.put("bias", Double.toString(bias));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < SIZE; i++) {
            b.append(i == 0 ? "" : ",").append(weights[i]);
        }
        m.put("weights", b.toString());
        return m;
    }

    /** Reads a model saved by {@link #toMap()}; refuses another format or feature list, naming it. */
    public static LightRanker fromMap(Map<String, String> m) {
        if (!FORMAT.equals(m.get("format"))) {
            throw new IllegalArgumentException("light ranker format '" + m.get("format") + "', expected " + FORMAT);
        }
        if (!String.join(",", FEATURES).equals(m.get("features"))) {
            throw new IllegalArgumentException(
                    "light ranker features '" + m.get("features") + "', expected " + String.join(",", FEATURES));
        }
        String[] parts = m.get("weights").split(",");
        double[] w = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            w[i] = Double.parseDouble(parts[i]);
        }
        return new LightRanker(
                Double.parseDouble(m.get("bias")),
                w,
                Long.parseLong(m.get("version")),
                Boolean.parseBoolean(m.get("trained")));
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT, "LightRanker(v%d, %s, %s)", version, trained ? "trained" : "hand-set", namedWeights());
    }

    /** Computing the feature vector, shared by ranking and training so both see the same numbers. */
    public static final class Features {
        private Features() {}

        /**
         * Fills {@code x} (length {@link #SIZE}).
         *
         * @param ageMillis now minus the tweet's creation (negative is taken as 0)
         * @param counts engagement counts by {@link Engagement#ordinal()}
         * @param reputation author reputation, e.g. log(1 + followers) / 10
         * @param interaction viewer-to-author interaction strength in [0, 1] (RealGraph)
         * @param flags {@link TweetFields} flags
         */
        public static void fill(
                double[] x,
                long ageMillis,
                long[] counts,
                double reputation,
                double interaction,
                int flags,
                int textLength,
                boolean languageMatch) {
            x[RECENCY] = Math.pow(0.5, Math.max(0, ageMillis) / RECENCY_HALF_LIFE_MS);
            x[LOG_FAVORITES] = Math.log1p(counts[Engagement.FAVORITE.ordinal()]);
            x[LOG_RETWEETS] = Math.log1p(counts[Engagement.RETWEET.ordinal()]);
            x[LOG_REPLIES] = Math.log1p(counts[Engagement.REPLY.ordinal()]);
            x[LOG_QUOTES] = Math.log1p(counts[Engagement.QUOTE.ordinal()]);
            x[AUTHOR_REPUTATION] = reputation;
            x[INTERACTION] = interaction;
            x[HAS_LINK] = (flags & TweetFields.FLAG_LINK) != 0 ? 1 : 0;
            x[HAS_MEDIA] = (flags & (TweetFields.FLAG_MEDIA | TweetFields.FLAG_VIDEO)) != 0 ? 1 : 0;
            x[IS_REPLY] = (flags & TweetFields.FLAG_REPLY) != 0 ? 1 : 0;
            x[TEXT_LENGTH] = Math.min(textLength, 280) / 280.0;
            x[LANGUAGE_MATCH] = languageMatch ? 1 : 0;
        }

        /** Author reputation from a follower count: log(1 + followers) / 10. */
        public static double reputation(long followers) {
            return Math.log1p(Math.max(0, followers)) / 10.0;
        }
    }
}
