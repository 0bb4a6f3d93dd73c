package roost.procedures.trust;

import java.util.Locale;
import java.util.Map;
import roost.procedures.config.CommonConfig;
import roost.procedures.config.ConfigReader;
import roost.procedures.walk.PersonalizedPageRank;

/** The config map of {@code roost.circleOfTrust}, validated; its keys also configure the hubs of who-to-follow. */
public record CircleOfTrustConfig(CircleOfTrust.Params params) {
    public static CircleOfTrustConfig parse(String procedure, long userId, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        CircleOfTrustConfig c = new CircleOfTrustConfig(read(r, CommonConfig.seed(r, userId), "", 100));
        r.done();
        return c;
    }

    /**
     * Reads {@code walks}, {@code steps}, {@code resetProbability}, {@code seed}, {@code limit},
     * each with {@code prefix} ({@code trustWalks}, ..., {@code trustSize} for the limit) when
     * the prefix is not empty. The seed is given (read once per request by the caller).
     */
    public static CircleOfTrust.Params read(ConfigReader r, long seed, String prefix, int limit) {
        String walks = key(prefix, "walks");
        String steps = key(prefix, "steps");
        String reset = key(prefix, "resetProbability");
        String size = prefix.isEmpty() ? "limit" : prefix + "Size";
        PersonalizedPageRank.Params walk = new PersonalizedPageRank.Params(
                r.intValue(walks, 2000, 1, 10_000_000),
                r.intValue(steps, 6, 1, 1000),
                r.doubleValue(reset, 0.15, 0, 1),
                seed);
        return new CircleOfTrust.Params(walk, r.intValue(size, limit, 0, 100_000));
    }

    private static String key(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
