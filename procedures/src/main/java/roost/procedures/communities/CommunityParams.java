package roost.procedures.communities;

import java.util.Set;
import roost.model.RoostException;

/**
 * How interests and tweet vectors are built, in the batch and by live updates alike.
 *
 * @param followWeight weight of a follow of a producer in a user's interests (times its KnownFor score)
 * @param engagementWeight weight of one engagement with a producer's tweet in a user's interests
 * @param interestHalfLifeMillis decay half-life of engagements in interests (data time)
 * @param tweetHalfLifeMillis decay half-life of engagements in tweet vectors (data time)
 * @param interestTopK communities kept per user
 * @param tweetTopK communities kept per tweet
 * @param topTweetsPerCommunity tweets kept in each community's index of best tweets
 * @param engagementTypes engagement relationship types that count (names of {@code roost.model.Rel})
 */
public record CommunityParams(
        double followWeight,
        double engagementWeight,
        long interestHalfLifeMillis,
        long tweetHalfLifeMillis,
        int interestTopK,
        int tweetTopK,
        int topTweetsPerCommunity,
        Set<String> engagementTypes) {
    public static final long HOUR = 3_600_000L;
    public static final CommunityParams DEFAULT = new CommunityParams(
            1.0, 0.5, 48 * HOUR, 8 * HOUR, 50, 20, 500, Set.of("LIKED", "RETWEETED", "REPLIED", "QUOTED"));

    public CommunityParams {
        if (interestHalfLifeMillis <= 0 || tweetHalfLifeMillis <= 0) {
            throw new RoostException.InvalidArgument("half-lives must be positive");
        }
        engagementTypes = Set.copyOf(engagementTypes);
    }

    public boolean counts(String engagementType) {
        return engagementTypes.contains(engagementType);
    }
}
