package roost.model;

import java.util.List;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * The Roost schema as idempotent Cypher statements. The same statements are kept in
 * {@code cypher/schema.cypher} (a test holds the two equal).
 */
public final class Schema {
    public static final List<String> STATEMENTS = List.of(
            "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE",
            "CREATE CONSTRAINT tweet_id IF NOT EXISTS FOR (t:Tweet) REQUIRE t.id IS UNIQUE",
            "CREATE RANGE INDEX tweet_created_at IF NOT EXISTS FOR (t:Tweet) ON (t.createdAt)",
            "CREATE RANGE INDEX tweet_author_id IF NOT EXISTS FOR (t:Tweet) ON (t.authorId)",
            "CREATE CONSTRAINT community_id IF NOT EXISTS FOR (c:Community) REQUIRE c.id IS UNIQUE",
            "CREATE RANGE INDEX tweet_community_time IF NOT EXISTS FOR (t:Tweet) ON (t.communityTime)");

    private Schema() {}

    /** Creates what is missing, then waits for every index to be online. Safe to call on every start. */
    public static void apply(GraphDatabaseService db) {
        for (String statement : STATEMENTS) {
            db.executeTransactionally(statement);
        }
        db.executeTransactionally("CALL db.awaitIndexes(300)");
    }
}
