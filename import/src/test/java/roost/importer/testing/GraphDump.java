package roost.importer.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.neo4j.graphdb.GraphDatabaseService;
import roost.importer.csv.CsvRecordReader;
import roost.importer.csv.CsvTable;
import roost.model.Props;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;

/**
 * The whole graph as sorted lines, one per node and relationship with every property, so that two
 * graphs (or a graph and the files it came from) compare with one assertion. For small graphs only.
 */
public final class GraphDump {
    private GraphDump() {}

    public static List<String> of(GraphDatabaseService db) {
        List<String> out = new ArrayList<>();
        db.executeTransactionally("MATCH (n) RETURN labels(n) AS l, properties(n) AS p", Map.of(), r -> {
            r.forEachRemaining(
                    row -> out.add(node(((List<?>) row.get("l")).get(0).toString(), cast(row.get("p")))));
            return null;
        });
        db.executeTransactionally(
                "MATCH (a)-[r]->(b) RETURN labels(a)[0] AS la, a.id AS a, type(r) AS t, properties(r) AS p,"
                        + " labels(b)[0] AS lb, b.id AS b",
                Map.of(),
                r -> {
                    r.forEachRemaining(row -> out.add(rel(
                            row.get("la") + ":" + row.get("a"),
                            row.get("t").toString(),
                            row.get("lb") + ":" + row.get("b"),
                            cast(row.get("p")))));
                    return null;
                });
        Collections.sort(out);
        return out;
    }

    /** What the graph loaded from {@code dir} must be (relationship rows assumed unique). */
    public static List<String> expected(Path dir) {
        List<String> out = new ArrayList<>();
        for (User u : rows(dir, CsvTable.USERS)) {
            out.add(node(
                    "User",
                    props(
                            Props.ID,
                            u.id(),
                            Props.HANDLE,
                            u.handle(),
                            Props.CREATED_AT,
                            u.createdAt(),
                            Props.VERIFIED,
                            u.verified())));
        }
        for (Tweet t : rows(dir, CsvTable.TWEETS)) {
            Map<String, Object> p = props(
                    Props.ID, t.id(),
                    Props.AUTHOR_ID, t.authorId(),
                    Props.CREATED_AT, t.createdAt(),
                    Props.TEXT, t.text(),
                    Props.LANG, t.lang(),
                    Props.HAS_MEDIA, t.hasMedia(),
                    Props.HAS_VIDEO, t.hasVideo(),
                    Props.HAS_LINK, t.hasLink(),
                    Props.IN_REPLY_TO, t.inReplyTo(),
                    Props.CONVERSATION_ID, t.conversationId(),
                    Props.QUOTED_ID, t.quotedId(),
                    Props.RETWEET_OF, t.retweetOf());
            out.add(node("Tweet", p));
            out.add(rel(
                    "User:" + t.authorId(),
                    Rel.POSTED.name(),
                    "Tweet:" + t.id(),
                    props(Props.CREATED_AT, t.createdAt())));
        }
        for (Follow f : rows(dir, CsvTable.FOLLOWS)) {
            out.add(rel(
                    "User:" + f.followerId(),
                    "FOLLOWS",
                    "User:" + f.followeeId(),
                    props(Props.CREATED_AT, f.createdAt())));
        }
        for (Engagement e : rows(dir, CsvTable.ENGAGEMENTS)) {
            out.add(rel(
                    "User:" + e.userId(),
                    e.type().name(),
                    "Tweet:" + e.tweetId(),
                    props(Props.CREATED_AT, e.createdAt())));
        }
        for (CsvTable<Signal> table : List.of(CsvTable.USER_SIGNALS, CsvTable.TWEET_SIGNALS)) {
            for (Signal s : rows(dir, table)) {
                String target = (s.targetIsTweet() ? "Tweet:" : "User:") + s.targetId();
                out.add(rel("User:" + s.userId(), s.type().name(), target, props(Props.CREATED_AT, s.createdAt())));
            }
        }
        Collections.sort(out);
        return out;
    }

    private static <T> List<T> rows(Path dir, CsvTable<T> table) {
        List<T> rows = new ArrayList<>();
        Path file = dir.resolve(table.fileName());
        if (!Files.exists(file)) {
            return rows;
        }
        try (CsvRecordReader<T> r = CsvRecordReader.open(file, table)) {
            for (T row = r.next(); row != null; row = r.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((String) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return new TreeMap<>((Map<String, Object>) o);
    }

    private static String node(String label, Map<String, Object> props) {
        return label + " " + new TreeMap<>(props);
    }

    private static String rel(String start, String type, String end, Map<String, Object> props) {
        return start + " -" + type + "-> " + end + " " + new TreeMap<>(props);
    }
}
