package roost.api.eval;

import java.util.List;

/**
 * A way of ranking tweets for a viewer from the state at the split: a baseline, one candidate
 * source alone, the full pipeline, or the ground-truth ranking of a generated network.
 */
public interface Method {
    /** What a method is, for the report: the pipeline's lift is measured over the best baseline or source. */
    enum Kind {
        BASELINE,
        SOURCE,
        PIPELINE,
        /** The pipeline with other options: compared, not counted as a baseline. */
        VARIANT,
        IDEAL
    }

    String name();

    Kind kind();

    /** Up to {@code k} tweets, best first. Deterministic for a viewer and the evaluation's seed. */
    List<Recommendation> recommend(long viewer, int k);

    static Method of(String name, Kind kind, Recommender recommender) {
        return new Method() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public List<Recommendation> recommend(long viewer, int k) {
                return recommender.recommend(viewer, k);
            }
        };
    }

    /** The ranking function alone. */
    @FunctionalInterface
    interface Recommender {
        List<Recommendation> recommend(long viewer, int k);
    }
}
