package roost.procedures.salsa;

import java.util.Map;
import roost.procedures.config.ConfigReader;
import roost.procedures.trust.CircleOfTrustConfig;

/** The config map of {@code roost.salsa.users} and the walk part of {@code roost.whoToFollow}'s, validated. */
public record UserSalsaConfig(UserSalsa.Params params) {
    /** {@code roost.salsa.users}' whole config: the walk keys, {@code limit} (50) and {@code excludeFollowed} (true). */
    public static UserSalsaConfig parse(String procedure, long userId, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        int limit = r.intValue("limit", 50, 0, 100_000);
        boolean excludeFollowed = r.booleanValue("excludeFollowed", true);
        UserSalsaConfig c = read(r, userId, excludeFollowed, limit);
        r.done();
        return c;
    }

    /**
     * Reads the walk keys from {@code r}, which the caller then finishes ({@link ConfigReader#done()})
     * after reading its own keys.
     *
     * @param excludeFollowed leave out the accounts the user follows
     * @param limit accounts returned at most
     */
    public static UserSalsaConfig read(ConfigReader r, long userId, boolean excludeFollowed, int limit) {
        var walk = TweetSalsaConfig.walk(r, userId, 1000, 3, 0.3);
        return new UserSalsaConfig(new UserSalsa.Params(
                // Its own stream of random numbers, derived from the request's seed.
                CircleOfTrustConfig.read(r, walk.seed() ^ 0x7275737443495243L, "trust", 100),
                walk,
                limit,
                excludeFollowed,
                r.intValue("minSocialProof", 0, 0, 10_000),
                r.intValue("maxSocialProof", 10, 0, 10_000)));
    }
}
