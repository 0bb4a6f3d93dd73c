package roost.procedures.network;

import java.util.Map;
import roost.procedures.config.CommonConfig;
import roost.procedures.config.ConfigReader;

/** The config map of {@code roost.network.engagedByFollowings}, validated. */
record EngagedByFollowingsConfig(EngagedByFollowings.Params params, int maxFollowees, String weights) {
    static EngagedByFollowingsConfig parse(String procedure, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        EngagedByFollowingsConfig c = new EngagedByFollowingsConfig(
                new EngagedByFollowings.Params(
                        r.intValue("maxEngagementsPerFollowee", 500, 1, 100_000),
                        CommonConfig.typeMask(r),
                        r.intValue("minSocialProof", 1, 1, 10_000),
                        r.intValue("maxSocialProof", 10, 0, 10_000),
                        r.intValue("limit", 200, 0, 100_000),
                        r.booleanValue("excludeEngaged", true)),
                r.intValue("maxFollowees", 1000, 1, 1_000_000),
                CommonConfig.weights(r));
        r.done();
        return c;
    }
}
