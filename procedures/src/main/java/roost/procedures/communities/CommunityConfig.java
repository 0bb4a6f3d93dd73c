package roost.procedures.communities;

import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Collectors;
import roost.model.Rel;
import roost.procedures.config.ConfigReader;

/** The config map of {@code roost.communities.detect} (and the CLI's {@code --set} options): every key, its default and range. */
public final class CommunityConfig {
    private CommunityConfig() {}

    public static CommunityBatch.Settings detect(String procedure, Map<String, Object> config) {
        ConfigReader r = ConfigReader.of(procedure, config);
        CommunityBatch.Settings d = CommunityBatch.Settings.DEFAULT;
        ProducerSimilarity.Settings ds = d.similarity();
        GdsCommunities.Settings dg = d.gds();
        CommunityParams dp = d.params();
        String algorithm = r.choice("algorithm", dg.algorithm(), GdsCommunities.ALGORITHMS);
        int threads = r.intValue("concurrency", ds.threads(), 1, 256);
        ProducerSimilarity.Settings similarity = new ProducerSimilarity.Settings(
                r.intValue("minFollowers", ds.minFollowers(), 1, 1_000_000_000),
                r.doubleValue("producerShare", ds.producerShare(), 0.000001, 1),
                r.intValue("maxProducers", ds.maxProducers(), 1, 1_000_000_000),
                r.intValue("maxFollowersSampled", ds.maxFollowersSampled(), 1, 1_000_000_000),
                r.intValue("topNeighbours", ds.topNeighbours(), 1, 1000),
                r.doubleValue("minSimilarity", ds.minSimilarity(), 0, 1),
                threads);
        GdsCommunities.Settings gds = new GdsCommunities.Settings(
                algorithm,
                r.intValue("maxLevels", dg.maxLevels(), 1, 100),
                r.doubleValue("gamma", dg.gamma(), 0.0001, 100),
                r.longValue("seed", dg.seed(), Long.MIN_VALUE, Long.MAX_VALUE),
                threads);
        EnumSet<Rel> allowed = EnumSet.copyOf(Rel.ofKind(Rel.Kind.ENGAGEMENT));
        EnumSet<Rel> defaultTypes = EnumSet.noneOf(Rel.class);
        dp.engagementTypes().forEach(t -> defaultTypes.add(Rel.valueOf(t)));
        CommunityParams params = new CommunityParams(
                r.doubleValue("followWeight", dp.followWeight(), 0, 1000),
                r.doubleValue("engagementWeight", dp.engagementWeight(), 0, 1000),
                hours(r.doubleValue("interestHalfLifeHours", dp.interestHalfLifeMillis() / 3.6e6, 0.01, 24 * 3650)),
                hours(r.doubleValue("tweetHalfLifeHours", dp.tweetHalfLifeMillis() / 3.6e6, 0.01, 24 * 3650)),
                r.intValue("interestTopK", dp.interestTopK(), 1, 10_000),
                r.intValue("tweetTopK", dp.tweetTopK(), 1, 10_000),
                r.intValue("topTweetsPerCommunity", dp.topTweetsPerCommunity(), 1, 100_000),
                r.enumSet("engagementTypes", defaultTypes, allowed).stream()
                        .map(Rel::name)
                        .collect(Collectors.toSet()));
        CommunityBatch.Settings out = new CommunityBatch.Settings(
                similarity,
                gds,
                r.intValue("minCommunitySize", d.minCommunitySize(), 1, 1_000_000_000),
                r.intValue("voteRounds", d.voteRounds(), 0, 100),
                hours(r.doubleValue("windowHours", d.windowMillis() / 3.6e6, 0.01, 24 * 3650)),
                params,
                r.intValue("interestedInWritten", d.interestedInWritten(), 0, 10_000),
                r.booleanValue("write", d.write()));
        r.done();
        return out;
    }

    private static long hours(double h) {
        return Math.round(h * 3_600_000L);
    }
}
