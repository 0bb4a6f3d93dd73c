package roost.api.timeline;

import java.util.List;
import roost.model.RoostException;

/**
 * The mixed timeline's weights and limits: every one a visible, per-request setting (HTTP query
 * parameters of the same names). Defaults follow the original system's published values.
 *
 * @param sources the candidate sources to blend, by name
 * @param inNetworkShare target share of in-network items on a page, in [0, 1]
 * @param outOfNetworkScale score factor of out-of-network items
 * @param replyScale score factor of replies
 * @param verifiedBoost multiply verified authors' items by 4 in-network and 2 out-of-network (off by
 *     default: a favour users resented)
 * @param diversityFloor author diversity: the i-th item of one author is multiplied by
 *     {@code (1 - floor) * 0.5^i + floor}
 * @param recencyHalfLifeHours an item's score halves every this many hours of age (data time)
 * @param windowHours in-network tweets older than this are not candidates
 * @param candidatesPerSource the most candidates asked of each source
 * @param requireSocialProof drop out-of-network items that nobody the viewer follows engaged with
 * @param sourceTimeoutMillis a source slower than this is left out of the page (fail open)
 */
public record MixOptions(
        List<String> sources,
        double inNetworkShare,
        double outOfNetworkScale,
        double replyScale,
        boolean verifiedBoost,
        double diversityFloor,
        double recencyHalfLifeHours,
        double windowHours,
        int candidatesPerSource,
        boolean requireSocialProof,
        long sourceTimeoutMillis) {

    public static final MixOptions DEFAULTS = new MixOptions(
            List.of("in-network", "engaged-by-followings", "salsa", "communities"),
            // 0.9 and 168 h rather than the original's 0.5 and 24-48 h: chosen by ./roost eval
            // (EVALUATION.md), where the out-of-network sources are weaker than followees' tweets.
            0.9,
            0.75,
            0.75,
            false,
            0.25,
            24,
            168,
            600,
            true,
            2000);

    public MixOptions {
        sources = List.copyOf(sources);
        share("inNetworkShare", inNetworkShare);
        share("outOfNetworkScale", outOfNetworkScale);
        share("replyScale", replyScale);
        share("diversityFloor", diversityFloor);
        positive("recencyHalfLifeHours", recencyHalfLifeHours);
        positive("windowHours", windowHours);
        if (candidatesPerSource < 1 || candidatesPerSource > 5000) {
            throw new RoostException.InvalidArgument(
                    "'candidatesPerSource' must be in [1, 5000], was " + candidatesPerSource);
        }
        if (sourceTimeoutMillis < 1) {
            throw new RoostException.InvalidArgument(
                    "'sourceTimeoutMillis' must be at least 1, was " + sourceTimeoutMillis);
        }
        if (sources.isEmpty()) {
            throw new RoostException.InvalidArgument("'sources' must name at least one source");
        }
    }

    public MixOptions withSources(List<String> v) {
        return with(d -> d.sources = v);
    }

    public MixOptions withInNetworkShare(double v) {
        return with(d -> d.inNetworkShare = v);
    }

    public MixOptions withOutOfNetworkScale(double v) {
        return with(d -> d.outOfNetworkScale = v);
    }

    public MixOptions withVerifiedBoost(boolean v) {
        return with(d -> d.verifiedBoost = v);
    }

    public MixOptions withDiversityFloor(double v) {
        return with(d -> d.diversityFloor = v);
    }

    public MixOptions withRecencyHalfLifeHours(double v) {
        return with(d -> d.recencyHalfLifeHours = v);
    }

    public MixOptions withWindowHours(double v) {
        return with(d -> d.windowHours = v);
    }

    public MixOptions withRequireSocialProof(boolean v) {
        return with(d -> d.requireSocialProof = v);
    }

    private MixOptions with(java.util.function.Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** A mutable copy: a {@code with} method or {@link #parse} changes fields, the constructor validates once. */
    private static final class Draft {
        List<String> sources;
        double inNetworkShare;
        double outOfNetworkScale;
        double replyScale;
        boolean verifiedBoost;
        double diversityFloor;
        double recencyHalfLifeHours;
        double windowHours;
        int candidatesPerSource;
        boolean requireSocialProof;
        long sourceTimeoutMillis;

        Draft(MixOptions o) {
            sources = o.sources;
            inNetworkShare = o.inNetworkShare;
            outOfNetworkScale = o.outOfNetworkScale;
            replyScale = o.replyScale;
            verifiedBoost = o.verifiedBoost;
            diversityFloor = o.diversityFloor;
            recencyHalfLifeHours = o.recencyHalfLifeHours;
            windowHours = o.windowHours;
            candidatesPerSource = o.candidatesPerSource;
            requireSocialProof = o.requireSocialProof;
            sourceTimeoutMillis = o.sourceTimeoutMillis;
        }

        MixOptions build() {
            return new MixOptions(
                    sources,
                    inNetworkShare,
                    outOfNetworkScale,
                    replyScale,
                    verifiedBoost,
                    diversityFloor,
                    recencyHalfLifeHours,
                    windowHours,
                    candidatesPerSource,
                    requireSocialProof,
                    sourceTimeoutMillis);
        }
    }

    /** The names of the parameters {@link #parse} reads, in documentation order. */
    public static final java.util.List<String> PARAMETERS = java.util.List.of(
            "sources",
            "inNetworkShare",
            "outOfNetworkScale",
            "diversityFloor",
            "recencyHalfLifeHours",
            "windowHours",
            "verifiedBoost",
            "requireSocialProof");

    /**
     * Options from named text parameters (HTTP query parameters, an evaluation variant): absent
     * ones keep their defaults; a bad value is an {@link RoostException.InvalidArgument} naming it.
     *
     * @param parameter a parameter's value by name, or null when absent
     */
    public static MixOptions parse(java.util.function.Function<String, String> parameter) {
        Draft o = new Draft(DEFAULTS);
        String sources = parameter.apply("sources");
        if (sources != null) {
            o.sources = java.util.List.of(sources.split(","));
        }
        Double v;
        if ((v = number(parameter, "inNetworkShare", 0, 1)) != null) {
            o.inNetworkShare = v;
        }
        if ((v = number(parameter, "outOfNetworkScale", 0, 1)) != null) {
            o.outOfNetworkScale = v;
        }
        if ((v = number(parameter, "diversityFloor", 0, 1)) != null) {
            o.diversityFloor = v;
        }
        if ((v = number(parameter, "recencyHalfLifeHours", 0.01, 100_000)) != null) {
            o.recencyHalfLifeHours = v;
        }
        if ((v = number(parameter, "windowHours", 0.01, 100_000)) != null) {
            o.windowHours = v;
        }
        Boolean b;
        if ((b = bool(parameter, "verifiedBoost")) != null) {
            o.verifiedBoost = b;
        }
        if ((b = bool(parameter, "requireSocialProof")) != null) {
            o.requireSocialProof = b;
        }
        return o.build();
    }

    private static Double number(
            java.util.function.Function<String, String> parameter, String name, double min, double max) {
        String raw = parameter.apply(name);
        if (raw == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(raw);
            if (v >= min && v <= max) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new RoostException.InvalidArgument(
                "parameter '" + name + "' must be a number in [" + min + ", " + max + "], was '" + raw + "'");
    }

    private static Boolean bool(java.util.function.Function<String, String> parameter, String name) {
        String raw = parameter.apply(name);
        if (raw == null) {
            return null;
        }
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default ->
                throw new RoostException.InvalidArgument(
                        "parameter '" + name + "' must be true or false, was '" + raw + "'");
        };
    }

    private static void share(String name, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new RoostException.InvalidArgument("'" + name + "' must be in [0, 1], was " + v);
        }
    }

    private static void positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new RoostException.InvalidArgument("'" + name + "' must be a positive number, was " + v);
        }
    }
}
