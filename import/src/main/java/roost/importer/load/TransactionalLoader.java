package roost.importer.load;

import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.ResourceIterable;
import org.neo4j.graphdb.Transaction;
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
 * Loads a CSV directory into any database, new or not, through the Core API in batched transactions.
 * Idempotent: a node is found by its id ({@code tx.findNode}, through the unique constraint) and
 * created only when missing, its properties then set from the row; a relationship is created only
 * when the same (start, type, end) does not exist yet, so loading the same files twice changes
 * nothing. {@code POSTED} comes from each tweet's {@code authorId}, with the tweet's {@code createdAt}.
 *
 * <p>Order: the whole directory is validated first ({@link CsvValidator}, references resolved against
 * the files and the database), so a bad file changes nothing; then the schema is applied; then the
 * rows are written. A failure of the database itself in the write pass leaves the batches committed
 * before it (rerunning the load completes it, as the load is idempotent).
 *
 * <p>Cost: one index seek per node row and two per relationship row, and a scan of the smaller of
 * the two endpoints' relationships of that type to find an existing one. For small and medium loads
 * and for adding to a live database; {@link BulkLoader} fills a new database far faster.
 * Not thread-safe; an instance may be reused for several loads one after another.
 */
public final class TransactionalLoader {
    /** Rows per transaction unless told otherwise. */
    public static final int DEFAULT_BATCH_SIZE = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalLoader.class);

    private final int batchSize;
    private final Progress progress;

    public TransactionalLoader(int batchSize, Progress progress) {
        if (batchSize < 1) {
            throw new ImportException("batch size must be at least 1, was " + batchSize);
        }
        this.batchSize = batchSize;
        this.progress = progress;
    }

    public TransactionalLoader(Progress progress) {
        this(DEFAULT_BATCH_SIZE, progress);
    }

    /**
     * Validates, then loads {@code csvDir} into {@code db}.
     *
     * @throws ImportException when a file is malformed (nothing is written then)
     */
    public ImportStats load(java.nio.file.Path csvDir, GraphDatabaseService db) {
        long start = System.nanoTime();
        CsvDirectory dir = new CsvDirectory(csvDir);
        CsvSummary summary;
        try (DatabaseIds ids = new DatabaseIds(db)) {
            summary = dir.read(new CsvValidator(ids, null), progress, "validate", null);
        }
        Schema.apply(db);
        Counts counts = new Counts();
        try (Writer writer = new Writer(db, batchSize, counts)) {
            dir.read(writer, progress, "load", summary);
        }
        ImportStats stats = counts.stats("transactional", summary.totalRows(), start);
        LOG.info("{}", stats);
        return stats;
    }

    /** True when {@code start} already has a relationship of {@code type} to {@code end}. */
    static boolean related(Node start, Rel type, Node end) {
        int out = start.getDegree(type, Direction.OUTGOING);
        if (out == 0) {
            return false;
        }
        int in = end.getDegree(type, Direction.INCOMING);
        if (in == 0) {
            return false;
        }
        // Scan the side with fewer relationships of this type, as Cypher's MERGE does.
        if (out <= in) {
            try (ResourceIterable<Relationship> rels = start.getRelationships(Direction.OUTGOING, type)) {
                for (Relationship r : rels) {
                    if (r.getEndNode().equals(end)) {
                        return true;
                    }
                }
            }
        } else {
            try (ResourceIterable<Relationship> rels = end.getRelationships(Direction.INCOMING, type)) {
                for (Relationship r : rels) {
                    if (r.getStartNode().equals(start)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Writes rows through the Core API, committing every {@code batchSize} rows. */
    private static final class Writer implements RowVisitor, AutoCloseable {
        private final GraphDatabaseService db;
        private final int batchSize;
        private final Counts counts;
        private Transaction tx;
        private int pending;

        Writer(GraphDatabaseService db, int batchSize, Counts counts) {
            this.db = db;
            this.batchSize = batchSize;
            this.counts = counts;
            this.tx = db.beginTx();
        }

        @Override
        public void user(User u) {
            Node n = tx.findNode(Labels.USER, Props.ID, u.id());
            if (n == null) {
                n = tx.createNode(Labels.USER);
                n.setProperty(Props.ID, u.id());
                counts.user();
            }
            n.setProperty(Props.HANDLE, u.handle());
            n.setProperty(Props.CREATED_AT, u.createdAt());
            n.setProperty(Props.VERIFIED, u.verified());
            tick();
        }

        @Override
        public void tweet(Tweet t) {
            Node n = tx.findNode(Labels.TWEET, Props.ID, t.id());
            if (n == null) {
                n = tx.createNode(Labels.TWEET);
                n.setProperty(Props.ID, t.id());
                counts.tweet();
            }
            n.setProperty(Props.AUTHOR_ID, t.authorId());
            n.setProperty(Props.CREATED_AT, t.createdAt());
            setIfPresent(n, Props.TEXT, t.text());
            setIfPresent(n, Props.LANG, t.lang());
            n.setProperty(Props.HAS_MEDIA, t.hasMedia());
            n.setProperty(Props.HAS_VIDEO, t.hasVideo());
            n.setProperty(Props.HAS_LINK, t.hasLink());
            setIfPresent(n, Props.IN_REPLY_TO, t.inReplyTo());
            setIfPresent(n, Props.CONVERSATION_ID, t.conversationId());
            setIfPresent(n, Props.QUOTED_ID, t.quotedId());
            setIfPresent(n, Props.RETWEET_OF, t.retweetOf());
            relate(user(t.authorId()), Rel.POSTED, n, t.createdAt());
            tick();
        }

        @Override
        public void follow(Follow f) {
            relate(user(f.followerId()), Rel.FOLLOWS, user(f.followeeId()), f.createdAt());
            tick();
        }

        @Override
        public void engagement(Engagement e) {
            relate(user(e.userId()), e.type(), tweet(e.tweetId()), e.createdAt());
            tick();
        }

        @Override
        public void signal(Signal s) {
            Node target = s.targetIsTweet() ? tweet(s.targetId()) : user(s.targetId());
            relate(user(s.userId()), s.type(), target, s.createdAt());
            tick();
        }

        @Override
        public void endOfFile(CsvTable<?> table) {
            commit();
        }

        private Node user(long id) {
            return require(tx.findNode(Labels.USER, Props.ID, id), "user", id);
        }

        private Node tweet(long id) {
            return require(tx.findNode(Labels.TWEET, Props.ID, id), "tweet", id);
        }

        private static Node require(Node n, String what, long id) {
            if (n == null) {
                // Validation saw it; it was deleted by someone else since.
                throw new ImportException(what + " " + id + " disappeared from the database during the load");
            }
            return n;
        }

        private void relate(Node start, Rel type, Node end, long createdAt) {
            if (!related(start, type, end)) {
                start.createRelationshipTo(end, type).setProperty(Props.CREATED_AT, createdAt);
                counts.rel(type);
            }
        }

        private static void setIfPresent(Node n, String key, Object value) {
            if (value != null) {
                n.setProperty(key, value);
            }
        }

        private void tick() {
            if (++pending >= batchSize) {
                commit();
            }
        }

        private void commit() {
            tx.commit();
            tx.close();
            tx = db.beginTx();
            pending = 0;
        }

        /** Every file ends with a commit; what is open here is only rolled back (after a failure). */
        @Override
        public void close() {
            tx.close();
        }
    }
}
