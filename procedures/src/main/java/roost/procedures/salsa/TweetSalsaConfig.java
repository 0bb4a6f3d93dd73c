package roost.procedures.salsa;

import java.util.Map;
import roost.procedures.config.CommonConfig;
import roost.procedures.config.ConfigReader;
import roost.procedures.walk.Salsa;

/** The config map of {@code roost.salsa.tweets}, validated. */
record TweetSalsaConfig(TweetSalsa.Params params, int maxFollowees, String weights) {
    static TweetSalsaConfig parse(String procedure, long userId, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        Salsa.Params walk = walk(r, userId, 1000, 5, 0.3);
        TweetSalsaConfig c = new TweetSalsaConfig(
                new TweetSalsa.Params(
                        walk,
                        r.doubleValue("viewerShare", 0.2, 0, 1),
                        CommonConfig.typeMask(r),
                        r.intValue("limit", 100, 0, 100_000),
                        r.intValue("minSocialProof", 0, 0, 10_000),
                        r.intValue("maxSocialProof", 10, 0, 10_000),
                        r.intValue("socialProofScan", 1000, 1, 10_000_000),
                        r.booleanValue("excludeEngaged", true)),
                r.intValue("maxFollowees", 1000, 1, 1_000_000),
                CommonConfig.weights(r));
        r.done();
        return c;
    }

    /** {@code walks}, {@code walkLength} (odd), {@code resetProbability}, {@code seed}. */
    static Salsa.Params walk(ConfigReader r, long userId, int walks, int length, double reset) {
        int w = r.intValue("walks", walks, 1, 10_000_000);
        int l = r.intValue("walkLength", length, 1, 99);
        if (l % 2 == 0) {
            throw r.invalid("walkLength", l, "must be odd (walks end on the right side), in [1, 99]");
        }
        return new Salsa.Params(w, l, r.doubleValue("resetProbability", reset, 0, 1), CommonConfig.seed(r, userId));
    }
}
