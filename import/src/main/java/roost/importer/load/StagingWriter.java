package roost.importer.load;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import roost.importer.csv.CsvRowWriter;
import roost.importer.csv.CsvTable;
import roost.importer.csv.RowVisitor;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;

/**
 * Writes validated rows for Neo4j's importer, without header lines. Every user and tweet gets a dense
 * key (0, 1, 2, ... in file order) for the importer's integer id spaces, which only take 0 to
 * 2^56 - 1 (Snowflake ids are about 2^60) and are faster than its string ids (relationship import
 * took 12.6 s instead of 22 s on a generated 200k-user network). Node rows carry the key and the
 * real id (the {@code id} property); relationship rows carry keys. Tweet rows also carry their
 * author's key, for reading them a second time as POSTED.
 *
 * <p>Memory: a primitive map from id to key per label, about 24 bytes per node. Only for rows that
 * {@link roost.importer.csv.CsvValidator} passed (every reference resolves in the files).
 */
final class StagingWriter implements RowVisitor, AutoCloseable {
    private final Path dir;
    private final Long2IntOpenHashMap userKeys = new Long2IntOpenHashMap();
    private final Long2IntOpenHashMap tweetKeys = new Long2IntOpenHashMap();
    private final Counts counts = new Counts();
    private final CsvRowWriter users;
    private final CsvRowWriter tweets;
    private final CsvRowWriter follows;
    private final CsvRowWriter engagements;
    private final CsvRowWriter userSignals;
    private final CsvRowWriter tweetSignals;

    StagingWriter(Path dir) {
        this.dir = dir;
        userKeys.defaultReturnValue(-1);
        tweetKeys.defaultReturnValue(-1);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        users = open(CsvTable.USERS);
        tweets = open(CsvTable.TWEETS);
        follows = open(CsvTable.FOLLOWS);
        engagements = open(CsvTable.ENGAGEMENTS);
        userSignals = open(CsvTable.USER_SIGNALS);
        tweetSignals = open(CsvTable.TWEET_SIGNALS);
    }

    private CsvRowWriter open(CsvTable<?> table) {
        return new CsvRowWriter(file(table), null);
    }

    Path file(CsvTable<?> table) {
        return dir.resolve(table.fileName());
    }

    /** The staged files with a line break inside some text (the importer must read them as multiline). */
    java.util.List<Path> multilineFiles() {
        java.util.List<Path> out = new java.util.ArrayList<>();
        if (users.multiline()) {
            out.add(users.file());
        }
        if (tweets.multiline()) {
            out.add(tweets.file());
        }
        return out;
    }

    @Override
    public void user(User u) {
        int key = userKeys.size();
        userKeys.put(u.id(), key);
        counts.user();
        users.longField(key)
                .longField(u.id())
                .textField(u.handle())
                .longField(u.createdAt())
                .booleanField(u.verified())
                .endRow();
    }

    @Override
    public void tweet(Tweet t) {
        int key = tweetKeys.size();
        tweetKeys.put(t.id(), key);
        counts.tweet();
        counts.rel(Rel.POSTED);
        tweets.longField(key)
                .longField(t.id())
                .longField(user(t.authorId()))
                .longField(t.authorId())
                .longField(t.createdAt())
                .textField(t.text())
                .textField(t.lang())
                .booleanField(t.hasMedia())
                .booleanField(t.hasVideo())
                .booleanField(t.hasLink())
                .optionalLong(t.inReplyTo())
                .optionalLong(t.conversationId())
                .optionalLong(t.quotedId())
                .optionalLong(t.retweetOf())
                .endRow();
    }

    @Override
    public void follow(Follow f) {
        counts.rel(Rel.FOLLOWS);
        follows.longField(user(f.followerId()))
                .longField(user(f.followeeId()))
                .longField(f.createdAt())
                .endRow();
    }

    @Override
    public void engagement(Engagement e) {
        counts.rel(e.type());
        engagements
                .longField(user(e.userId()))
                .longField(tweet(e.tweetId()))
                .textField(e.type().name())
                .longField(e.createdAt())
                .endRow();
    }

    @Override
    public void signal(Signal s) {
        counts.rel(s.type());
        (s.targetIsTweet() ? tweetSignals : userSignals)
                .longField(user(s.userId()))
                .longField(s.targetIsTweet() ? tweet(s.targetId()) : user(s.targetId()))
                .textField(s.type().name())
                .longField(s.createdAt())
                .endRow();
    }

    /** What the staged rows will create in an empty database: one node or relationship per row. */
    Counts counts() {
        return counts;
    }

    private int user(long id) {
        return key(userKeys, id, "user");
    }

    private int tweet(long id) {
        return key(tweetKeys, id, "tweet");
    }

    private static int key(Long2IntOpenHashMap keys, long id, String what) {
        int key = keys.get(id);
        if (key < 0) {
            throw new IllegalStateException(
                    what + " " + id + " was referenced before its row (validation let it through)");
        }
        return key;
    }

    @Override
    public void close() {
        for (CsvRowWriter w : new CsvRowWriter[] {users, tweets, follows, engagements, userSignals, tweetSignals}) {
            w.close();
        }
    }
}
