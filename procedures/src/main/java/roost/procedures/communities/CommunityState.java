package roost.procedures.communities;

import it.unimi.dsi.fastutil.longs.Long2FloatOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Everything one run of community detection produced, kept current by live updates: the
 * communities, KnownFor, every user's (unnormalised) interests, tweet vectors and each community's
 * best tweets. Mutable; the {@link CommunityModel} guards it.
 */
public final class CommunityState {
    /** One community: its producers (KnownFor members), best score first. */
    public record Community(
            int id,
            int size,
            String name,
            java.util.List<String> topProducers,
            java.util.List<String> topTerms,
            long[] members,
            float[] memberScores) {}

    /** What the run measured. */
    public record Stats(
            String algorithm,
            int communities,
            int producers,
            int knownFor,
            long similarityEdges,
            double modularity,
            double conductance,
            double coverage,
            long dataTime,
            long detectedAt) {
        static final Stats NONE = new Stats("none", 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    final CommunityParams params;
    final Stats stats;
    final Community[] communities;
    final Long2IntOpenHashMap knownFor;
    final Long2FloatOpenHashMap knownForScore;
    final Long2ObjectOpenHashMap<SparseVector> interests;
    final Long2ObjectOpenHashMap<TweetVector> tweets;
    final TopTweets[] top;
    long liveUpdates;

    CommunityState(
            CommunityParams params,
            Stats stats,
            Community[] communities,
            Long2IntOpenHashMap knownFor,
            Long2FloatOpenHashMap knownForScore,
            Long2ObjectOpenHashMap<SparseVector> interests,
            Long2ObjectOpenHashMap<TweetVector> tweets) {
        this.params = params;
        this.stats = stats;
        this.communities = communities;
        this.knownFor = knownFor;
        this.knownFor.defaultReturnValue(-1);
        this.knownForScore = knownForScore;
        this.interests = interests;
        this.tweets = tweets;
        this.top = new TopTweets[communities.length];
        for (int c = 0; c < communities.length; c++) {
            top[c] = new TopTweets(params.topTweetsPerCommunity());
        }
        double h = params.tweetHalfLifeMillis();
        for (Long2ObjectOpenHashMap.Entry<TweetVector> e : tweets.long2ObjectEntrySet()) {
            TweetVector v = e.getValue();
            for (int i = 0; i < v.vector.size; i++) {
                int c = v.vector.ids[i];
                if (c >= 0 && c < top.length) {
                    top[c].update(e.getLongKey(), v.rankKey(c, h));
                }
            }
        }
    }

    static CommunityState empty() {
        return new CommunityState(
                CommunityParams.DEFAULT,
                Stats.NONE,
                new Community[0],
                new Long2IntOpenHashMap(),
                new Long2FloatOpenHashMap(),
                new Long2ObjectOpenHashMap<>(),
                new Long2ObjectOpenHashMap<>());
    }
}
