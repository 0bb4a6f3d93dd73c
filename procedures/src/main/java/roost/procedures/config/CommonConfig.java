package roost.procedures.config;

import java.util.EnumSet;
import java.util.List;
import roost.model.Rel;
import roost.procedures.graph.EngagementTypes;

/** Config keys shared by several procedures, read the same way everywhere. */
public final class CommonConfig {
    /** {@code weights}: how followees are weighted. */
    public static final String UNIFORM = "uniform";

    public static final String REALGRAPH = "realgraph";

    private static final EnumSet<Rel> ENGAGEMENTS = EnumSet.copyOf(Rel.ofKind(Rel.Kind.ENGAGEMENT));

    private CommonConfig() {}

    /** {@code types}: engagement type names (default: all), as a mask of type codes. */
    public static int typeMask(ConfigReader config) {
        return EngagementTypes.mask(config.enumSet("types", ENGAGEMENTS, ENGAGEMENTS));
    }

    /** {@code seed}: the random seed; by default derived from the user id, so a request is repeatable. */
    public static long seed(ConfigReader config, long userId) {
        Long seed = config.optionalLong("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        return seed != null ? seed : userId * 0x9E3779B97F4A7C15L + 0x5EEDL;
    }

    private static final List<String> WEIGHTS = List.of(REALGRAPH, UNIFORM);

    /** {@code weights}: {@code 'realgraph'} (default) or {@code 'uniform'}. */
    public static String weights(ConfigReader config) {
        return config.choice("weights", REALGRAPH, WEIGHTS);
    }
}
