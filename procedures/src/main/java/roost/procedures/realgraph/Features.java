package roost.procedures.realgraph;

import java.util.ArrayList;
import java.util.List;
import roost.procedures.graph.EngagementTypes;

/**
 * RealGraph's features of a pair (viewer, account), as of a time T: whether the viewer follows
 * the account and is followed back; per engagement type, log(1 + the count of the viewer's
 * engagements with the account's tweets, each decayed by {@code 0.5^(age / halfLife)}); and the
 * recency of the last one, {@code 0.5^(age / halfLife)} (0 when there is none).
 */
public final class Features {
    public static final int FOLLOWS = 0;
    public static final int FOLLOWED_BY = 1;
    public static final int FIRST_TYPE = 2;
    public static final int RECENCY = FIRST_TYPE + EngagementTypes.count();
    public static final int COUNT = RECENCY + 1;

    private Features() {}

    /** Feature names, in vector order. */
    public static List<String> names() {
        List<String> names = new ArrayList<>(COUNT);
        names.add("follows");
        names.add("followedBy");
        for (String type : EngagementTypes.names(EngagementTypes.ALL)) {
            names.add("decayed_" + type.toLowerCase(java.util.Locale.ROOT));
        }
        names.add("recency");
        return names;
    }

    /**
     * The feature vector from raw decayed counts per type ({@code decayed[type]}) and the decay
     * of the newest interaction ({@code recency}, 0 if none).
     */
    public static double[] vector(boolean follows, boolean followedBy, double[] decayed, double recency) {
        double[] x = new double[COUNT];
        x[FOLLOWS] = follows ? 1 : 0;
        x[FOLLOWED_BY] = followedBy ? 1 : 0;
        for (int t = 0; t < EngagementTypes.count(); t++) {
            x[FIRST_TYPE + t] = Math.log1p(decayed[t]);
        }
        x[RECENCY] = recency;
        return x;
    }
}
