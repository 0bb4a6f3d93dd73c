package roost.procedures.salsa;

import java.util.Map;
import roost.procedures.config.ConfigReader;
import roost.procedures.trust.CircleOfTrustConfig;

/** The config map of {@code roost.salsa.users} and {@code roost.whoToFollow}, validated. */
public record UserSalsaConfig(UserSalsa.Params params) {
    /** @param excludeFollowed fixed by the procedure, not configurable */
    public static UserSalsaConfig parse(
            String procedure, long userId, Map<String, Object> map, boolean excludeFollowed) {
        ConfigReader r = ConfigReader.of(procedure, map);
        var walk = TweetSalsaConfig.walk(r, userId, 1000, 3, 0.3);
        UserSalsaConfig c = new UserSalsaConfig(new UserSalsa.Params(
                // Its own stream of random numbers, derived from the request's seed.
                CircleOfTrustConfig.read(r, walk.seed() ^ 0x7275737443495243L, "trust", 100),
                walk,
                r.intValue("limit", 50, 0, 100_000),
                excludeFollowed,
                r.intValue("minSocialProof", 0, 0, 10_000),
                r.intValue("maxSocialProof", 10, 0, 10_000)));
        r.done();
        return c;
    }
}
