package roost.model;

import org.neo4j.graphdb.Label;

/** Node labels of the Roost graph. Every name Roost writes to the database is declared in this package. */
public final class Labels {
    public static final String USER_NAME = "User";
    public static final String TWEET_NAME = "Tweet";
    /** A trained model's weights, saved with the database: {@code (:RoostModel {name, ...})}. */
    public static final String MODEL_NAME = "RoostModel";
    /** A community of producers found by {@code roost.communities.detect}: {@code (:Community {id, size, name, ...})}. */
    public static final String COMMUNITY_NAME = "Community";

    public static final Label USER = Label.label(USER_NAME);
    public static final Label TWEET = Label.label(TWEET_NAME);
    public static final Label MODEL = Label.label(MODEL_NAME);
    public static final Label COMMUNITY = Label.label(COMMUNITY_NAME);

    private Labels() {}
}
