package roost.procedures.earlybird;

import java.util.List;
import java.util.Map;
import roost.procedures.config.CommonConfig;
import roost.procedures.config.ConfigReader;

/** The config map of {@code roost.earlybird.inNetwork} and its {@code .stats}, validated. */
record InNetworkConfig(
        int limit,
        int maxFollowees,
        String weights,
        long windowMillis,
        int maxHitsPerSegment,
        boolean excludeEngaged,
        long[] seen,
        String language,
        boolean fresh) {
    static final String RECENT = "recent";

    static InNetworkConfig parse(String procedure, Map<String, Object> map) {
        ConfigReader r = ConfigReader.of(procedure, map);
        InNetworkConfig c = new InNetworkConfig(
                r.intValue("limit", 600, 0, 10_000),
                r.intValue("maxFollowees", 1000, 1, 100_000),
                r.choice(
                        "weights",
                        CommonConfig.REALGRAPH,
                        List.of(CommonConfig.REALGRAPH, CommonConfig.UNIFORM, RECENT)),
                r.longValue("windowHours", 24, 1, 24 * 365) * 3_600_000L,
                r.intValue("maxHitsPerSegment", 1000, 1, 1_000_000),
                r.booleanValue("excludeEngaged", true),
                r.longList("seen", Long.MIN_VALUE, Long.MAX_VALUE, 100_000),
                r.optionalString("language", 16),
                r.booleanValue("fresh", false));
        r.done();
        return c;
    }
}
