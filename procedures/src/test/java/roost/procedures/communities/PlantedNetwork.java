package roost.procedures.communities;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * A small network with planted groups, written with Cypher: {@code groups} groups of {@code size}
 * users (user ids {@code group * 1000 + i}); each user follows each member of its own group with
 * probability {@code pIn} and each other user with {@code pOut}; each user posts two tweets (ids
 * {@code userId * 10 + k}) about its group's word, and likes tweets of its own group.
 */
final class PlantedNetwork {
    static final long T0 = 1_341_360_000_000L;
    static final long HOUR = 3_600_000L;

    /** One word per group, for community names. */
    static final String[] WORDS = {"apple", "brook", "cider", "delta", "ember", "fjord"};

    final int groups;
    final int size;

    PlantedNetwork(int groups, int size) {
        this.groups = groups;
        this.size = size;
    }

    static long user(int group, int i) {
        return group * 1000L + i;
    }

    int groupOf(long user) {
        return (int) (user / 1000);
    }

    void write(GraphDatabaseService db, double pIn, double pOut, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Map<String, Object>> users = new ArrayList<>();
        List<Map<String, Object>> tweets = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < size; i++) {
                long id = user(g, i);
                users.add(Map.of("id", id, "handle", "g" + g + "u" + i));
                for (int k = 0; k < 2; k++) {
                    tweets.add(Map.of(
                            "id",
                            id * 10 + k,
                            "author",
                            id,
                            "text",
                            WORDS[g % WORDS.length] + " the news",
                            "at",
                            T0 + (i * 2 + k) * 60_000L));
                }
            }
        }
        db.executeTransactionally(
                "UNWIND $rows AS r CREATE (:User {id: r.id, handle: r.handle})", Map.of("rows", users));
        db.executeTransactionally(
                "UNWIND $rows AS r MATCH (a:User {id: r.author}) "
                        + "CREATE (a)-[:POSTED {createdAt: r.at}]->(:Tweet {id: r.id, authorId: r.author, text: r.text, createdAt: r.at})",
                Map.of("rows", tweets));
        List<Map<String, Object>> follows = new ArrayList<>();
        List<Map<String, Object>> likes = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            for (int i = 0; i < size; i++) {
                long a = user(g, i);
                for (int h = 0; h < groups; h++) {
                    for (int j = 0; j < size; j++) {
                        long b = user(h, j);
                        if (a != b && rnd.nextDouble() < (g == h ? pIn : pOut)) {
                            follows.add(Map.of("a", a, "b", b));
                        }
                    }
                }
                for (int k = 0; k < 5; k++) {
                    long author = user(g, rnd.nextInt(size));
                    if (author != a) {
                        likes.add(Map.of(
                                "u", a, "t", author * 10 + rnd.nextInt(2), "at", T0 + HOUR + rnd.nextInt(3_600_000)));
                    }
                }
            }
        }
        db.executeTransactionally(
                "UNWIND $rows AS r MATCH (a:User {id: r.a}), (b:User {id: r.b}) CREATE (a)-[:FOLLOWS {createdAt: 0}]->(b)",
                Map.of("rows", follows));
        db.executeTransactionally(
                "UNWIND $rows AS r MATCH (u:User {id: r.u}), (t:Tweet {id: r.t}) MERGE (u)-[l:LIKED]->(t) ON CREATE SET l.createdAt = r.at",
                Map.of("rows", likes));
    }
}
