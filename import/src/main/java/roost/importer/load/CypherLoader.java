package roost.importer.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryStatistics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvSummary;
import roost.importer.csv.CsvTable;
import roost.importer.csv.CsvValidator;
import roost.importer.csv.RowVisitor;
import roost.model.Labels;
import roost.model.Props;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;
import roost.model.Schema;

/**
 * The same load as {@link TransactionalLoader}, written as batched Cypher ({@code UNWIND $rows AS r
 * MERGE ...}), one transaction per batch and statement. Same semantics: nodes merged on id with the
 * row's properties set, relationships merged on (start, type, end) with {@code createdAt} set only
 * when created; same validation before anything is written. Kept so that the Cypher way, which is
 * what most people write first, can be measured beside the Core API and bulk paths.
 *
 * <p>Cost: like {@link TransactionalLoader} plus Cypher's per-row overhead and a parameter map per
 * row. Not thread-safe; reusable one load after another.
 */
public final class CypherLoader {
    private static final Logger LOG = LoggerFactory.getLogger(CypherLoader.class);

    private static final String USERS =
            "UNWIND $rows AS r MERGE (u:" + Labels.USER_NAME + " {" + Props.ID + ": r.id}) SET u += r.p";
    private static final String TWEETS = "UNWIND $rows AS r MERGE (t:" + Labels.TWEET_NAME + " {" + Props.ID
            + ": r.id}) SET t += r.p WITH t, r MATCH (u:" + Labels.USER_NAME + " {" + Props.ID + ": r.a}) MERGE (u)-[p:"
            + Rel.POSTED.name() + "]->(t) ON CREATE SET p." + Props.CREATED_AT + " = r.c";

    private final int batchSize;
    private final Progress progress;

    public CypherLoader(int batchSize, Progress progress) {
        if (batchSize < 1) {
            throw new ImportException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.progress = progress;
    }

    public CypherLoader(Progress progress) {
        this(TransactionalLoader.DEFAULT_BATCH_SIZE, progress);
    }

    /**
     * Validates, then loads {@code csvDir} into {@code db}.
     *
     * @throws ImportException when a file is malformed (nothing is written then)
     */
    public ImportStats load(Path csvDir, GraphDatabaseService db) {
        long start = System.nanoTime();
        CsvDirectory dir = new CsvDirectory(csvDir);
        CsvSummary summary;
        try (DatabaseIds ids = new DatabaseIds(db)) {
            summary = dir.read(new CsvValidator(ids, null), progress, "validate", null);
        }
        Schema.apply(db);
        Counts counts = new Counts();
        dir.read(new Writer(db, batchSize, counts), progress, "load", summary);
        ImportStats stats = counts.stats("cypher", summary.totalRows(), start);
        LOG.info("{}", stats);
        return stats;
    }

    /** {@code (:User)-[:TYPE]->(:Label)} merged on both ends' ids. */
    private static String relationshipStatement(Rel type, String endLabel) {
        return "UNWIND $rows AS r MATCH (a:" + Labels.USER_NAME + " {" + Props.ID + ": r.s}) MATCH (b:" + endLabel
                + " {" + Props.ID + ": r.e}) MERGE (a)-[x:" + type.name() + "]->(b) ON CREATE SET x."
                + Props.CREATED_AT + " = r.c";
    }

    /** Buffers rows per statement and runs a statement when its buffer is full or its file ends. */
    private static final class Writer implements RowVisitor {
        private final GraphDatabaseService db;
        private final int batchSize;
        private final Counts counts;
        private final List<Map<String, Object>> users = new ArrayList<>();
        private final List<Map<String, Object>> tweets = new ArrayList<>();
        private final Map<Rel, List<Map<String, Object>>> toUsers = new EnumMap<>(Rel.class);
        private final Map<Rel, List<Map<String, Object>>> toTweets = new EnumMap<>(Rel.class);

        Writer(GraphDatabaseService db, int batchSize, Counts counts) {
            this.db = db;
            this.batchSize = batchSize;
            this.counts = counts;
        }

        @Override
        public void user(User u) {
            Map<String, Object> p = new HashMap<>();
            p.put(Props.HANDLE, u.handle());
            p.put(Props.CREATED_AT, u.createdAt());
            p.put(Props.VERIFIED, u.verified());
            users.add(Map.of("id", u.id(), "p", p));
            if (users.size() >= batchSize) {
                flushUsers();
            }
        }

        @Override
        public void tweet(Tweet t) {
            Map<String, Object> p = new HashMap<>();
            p.put(Props.AUTHOR_ID, t.authorId());
            p.put(Props.CREATED_AT, t.createdAt());
            putIfPresent(p, Props.TEXT, t.text());
            putIfPresent(p, Props.LANG, t.lang());
            p.put(Props.HAS_MEDIA, t.hasMedia());
            p.put(Props.HAS_VIDEO, t.hasVideo());
            p.put(Props.HAS_LINK, t.hasLink());
            putIfPresent(p, Props.IN_REPLY_TO, t.inReplyTo());
            putIfPresent(p, Props.CONVERSATION_ID, t.conversationId());
            putIfPresent(p, Props.QUOTED_ID, t.quotedId());
            putIfPresent(p, Props.RETWEET_OF, t.retweetOf());
            tweets.add(Map.of("id", t.id(), "a", t.authorId(), "c", t.createdAt(), "p", p));
            if (tweets.size() >= batchSize) {
                flushTweets();
            }
        }

        @Override
        public void follow(Follow f) {
            add(toUsers, Rel.FOLLOWS, f.followerId(), f.followeeId(), f.createdAt());
        }

        @Override
        public void engagement(Engagement e) {
            add(toTweets, e.type(), e.userId(), e.tweetId(), e.createdAt());
        }

        @Override
        public void signal(Signal s) {
            add(s.targetIsTweet() ? toTweets : toUsers, s.type(), s.userId(), s.targetId(), s.createdAt());
        }

        @Override
        public void endOfFile(CsvTable<?> table) {
            flushUsers();
            flushTweets();
            for (Rel type : Rel.values()) {
                flushRelationships(toUsers, type);
                flushRelationships(toTweets, type);
            }
        }

        private void add(Map<Rel, List<Map<String, Object>>> buffers, Rel type, long s, long e, long c) {
            List<Map<String, Object>> rows = buffers.computeIfAbsent(type, t -> new ArrayList<>());
            rows.add(Map.of("s", s, "e", e, "c", c));
            if (rows.size() >= batchSize) {
                flushRelationships(buffers, type);
            }
        }

        private void flushUsers() {
            if (!users.isEmpty()) {
                counts.nodes(Labels.USER_NAME, run(USERS, users).getNodesCreated());
            }
        }

        private void flushTweets() {
            if (!tweets.isEmpty()) {
                QueryStatistics s = run(TWEETS, tweets);
                counts.nodes(Labels.TWEET_NAME, s.getNodesCreated());
                counts.rels(Rel.POSTED, s.getRelationshipsCreated());
            }
        }

        private void flushRelationships(Map<Rel, List<Map<String, Object>>> buffers, Rel type) {
            List<Map<String, Object>> rows = buffers.get(type);
            if (rows != null && !rows.isEmpty()) {
                String endLabel = buffers == toTweets ? Labels.TWEET_NAME : Labels.USER_NAME;
                counts.rels(
                        type, run(relationshipStatement(type, endLabel), rows).getRelationshipsCreated());
            }
        }

        private QueryStatistics run(String statement, List<Map<String, Object>> rows) {
            QueryStatistics stats = db.executeTransactionally(statement, Map.of("rows", List.copyOf(rows)), result -> {
                while (result.hasNext()) {
                    result.next();
                }
                return result.getQueryStatistics();
            });
            rows.clear();
            return stats;
        }

        private static void putIfPresent(Map<String, Object> p, String key, Object value) {
            if (value != null) {
                p.put(key, value);
            }
        }
    }
}
