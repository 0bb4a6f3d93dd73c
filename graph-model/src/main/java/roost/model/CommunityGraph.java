package roost.model;

import org.neo4j.graphdb.RelationshipType;

/**
 * What community detection ({@code roost.communities.detect}) writes to the graph: relationship
 * types and property keys. Written by the batch, never by imports, so they are kept apart from
 * {@link Rel} (the imported graph).
 *
 * <pre>
 * (:Community {id, size, name, topProducers, topTerms, previousId, previousSize, retained, detectedAt})
 * (:User)-[:KNOWN_FOR {score}]-&gt;(:Community)              each producer in at most one community
 * (:User)-[:INTERESTED_IN {score, rank}]-&gt;(:Community)    the user's strongest communities
 * (:User {interestedIn: [community ids], interestedInScores: [scores], interestedInNorm, previousCommunity})
 * (:Tweet {communities: [community ids], communityScores: [scores], communityTime})
 * (:RoostModel {name: 'communities', ...run statistics})
 * </pre>
 */
public final class CommunityGraph {
    public static final RelationshipType KNOWN_FOR = RelationshipType.withName("KNOWN_FOR");
    public static final RelationshipType INTERESTED_IN = RelationshipType.withName("INTERESTED_IN");

    /** Name of the {@code (:RoostModel)} node holding the last run's statistics. */
    public static final String MODEL = "communities";

    // Relationships
    public static final String SCORE = "score";
    public static final String RANK = "rank";

    // Community
    public static final String SIZE = "size";
    public static final String NAME = "name";
    public static final String TOP_PRODUCERS = "topProducers";
    public static final String TOP_TERMS = "topTerms";
    /** The previous run's community sharing the most producers with this one (absent when none did). */
    public static final String PREVIOUS_ID = "previousId";
    /** Size of that previous community. */
    public static final String PREVIOUS_SIZE = "previousSize";
    /** Producers this community shares with {@link #PREVIOUS_ID}. */
    public static final String RETAINED = "retained";

    public static final String DETECTED_AT = "detectedAt";

    // User
    public static final String INTERESTED_IN_IDS = "interestedIn";
    public static final String INTERESTED_IN_SCORES = "interestedInScores";
    /** L2 norm of the user's interest vector before normalisation (lets live updates continue from it). */
    public static final String INTERESTED_IN_NORM = "interestedInNorm";
    /** The community a producer was known for before the last run. */
    public static final String PREVIOUS_COMMUNITY = "previousCommunity";

    // Tweet
    public static final String TWEET_COMMUNITIES = "communities";
    public static final String TWEET_COMMUNITY_SCORES = "communityScores";
    /** Data time (epoch ms) at which {@link #TWEET_COMMUNITY_SCORES} hold: scores decay from there. */
    public static final String TWEET_COMMUNITY_TIME = "communityTime";

    private CommunityGraph() {}
}
