package roost.model;

import org.neo4j.graphdb.Label;

/** Node labels of the Roost graph. Every name Roost writes to the database is declared in this package. */
public final class Labels {
    public static final String USER_NAME = "User";
    public static final String TWEET_NAME = "Tweet";

    public static final Label USER = Label.label(USER_NAME);
    public static final Label TWEET = Label.label(TWEET_NAME);

    private Labels() {}
}
