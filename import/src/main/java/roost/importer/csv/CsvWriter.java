package roost.importer.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;

/**
 * Writes a directory in the generic CSV format: all six files, each with its header line (a file
 * with no rows holds just the header). Primitive overloads exist for the hot paths of converters
 * and the generator; they write exactly what the record overloads write.
 *
 * <p>The writer does not check references or uniqueness: {@link CsvValidator} does, when the
 * directory is read. Not thread-safe. Close it to flush the files.
 */
public final class CsvWriter implements AutoCloseable, RowVisitor {
    private final Path dir;
    private final CsvRowWriter users;
    private final CsvRowWriter tweets;
    private final CsvRowWriter follows;
    private final CsvRowWriter engagements;
    private final CsvRowWriter userSignals;
    private final CsvRowWriter tweetSignals;
    private final long[] engagementCounts = new long[Rel.values().length];

    /** Creates {@code dir} if needed and the six files in it, each starting with its header. */
    public CsvWriter(Path dir) {
        this(dir, true);
    }

    /**
     * @param headers false to write the rows only (files that are then given their header apart,
     *     as Neo4j's importer allows)
     */
    public CsvWriter(Path dir, boolean headers) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        users = open(CsvTable.USERS, headers);
        tweets = open(CsvTable.TWEETS, headers);
        follows = open(CsvTable.FOLLOWS, headers);
        engagements = open(CsvTable.ENGAGEMENTS, headers);
        userSignals = open(CsvTable.USER_SIGNALS, headers);
        tweetSignals = open(CsvTable.TWEET_SIGNALS, headers);
    }

    private CsvRowWriter open(CsvTable<?> table, boolean headers) {
        return new CsvRowWriter(dir.resolve(table.fileName()), headers ? table.header() : null);
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void user(User u) {
        user(u.id(), u.handle(), u.createdAt(), u.verified());
    }

    public void user(long id, String handle, long createdAt, boolean verified) {
        users.longField(id)
                .textField(handle)
                .longField(createdAt)
                .booleanField(verified)
                .endRow();
    }

    @Override
    public void tweet(Tweet t) {
        tweets.longField(t.id())
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
        follow(f.followerId(), f.followeeId(), f.createdAt());
    }

    public void follow(long followerId, long followeeId, long createdAt) {
        follows.longField(followerId).longField(followeeId).longField(createdAt).endRow();
    }

    @Override
    public void engagement(Engagement e) {
        engagement(e.userId(), e.tweetId(), e.type(), e.createdAt());
    }

    public void engagement(long userId, long tweetId, Rel type, long createdAt) {
        if (!type.isEngagement()) {
            throw new IllegalArgumentException(type + " is not an engagement type");
        }
        engagements
                .longField(userId)
                .longField(tweetId)
                .textField(type.name())
                .longField(createdAt)
                .endRow();
        engagementCounts[type.ordinal()]++;
    }

    @Override
    public void signal(Signal s) {
        if (s.targetIsTweet()) {
            tweetSignal(s.userId(), s.targetId(), s.type(), s.createdAt());
        } else {
            userSignal(s.userId(), s.targetId(), s.type(), s.createdAt());
        }
    }

    public void userSignal(long userId, long targetUserId, Rel type, long createdAt) {
        if (!Rel.USER_SIGNALS.contains(type)) {
            throw new IllegalArgumentException(type + " is not a signal about a user");
        }
        userSignals
                .longField(userId)
                .longField(targetUserId)
                .textField(type.name())
                .longField(createdAt)
                .endRow();
    }

    public void tweetSignal(long userId, long tweetId, Rel type, long createdAt) {
        if (!Rel.TWEET_SIGNALS.contains(type)) {
            throw new IllegalArgumentException(type + " is not a signal about a tweet");
        }
        tweetSignals
                .longField(userId)
                .longField(tweetId)
                .textField(type.name())
                .longField(createdAt)
                .endRow();
    }

    /** Rows written so far, by file name. */
    public Map<String, Long> rowsPerFile() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (CsvRowWriter w : new CsvRowWriter[] {users, tweets, follows, engagements, userSignals, tweetSignals}) {
            out.put(w.file().getFileName().toString(), w.rows());
        }
        return out;
    }

    /** Engagement rows written so far, by type. */
    public Map<Rel, Long> engagementsPerType() {
        Map<Rel, Long> out = new EnumMap<>(Rel.class);
        for (Rel r : Rel.values()) {
            if (engagementCounts[r.ordinal()] > 0) {
                out.put(r, engagementCounts[r.ordinal()]);
            }
        }
        return out;
    }

    /** Whether any tweet text written holds a line break. */
    public boolean multilineText() {
        return tweets.multiline();
    }

    public Path file(CsvTable<?> table) {
        return dir.resolve(table.fileName());
    }

    @Override
    public void close() {
        for (CsvRowWriter w : new CsvRowWriter[] {users, tweets, follows, engagements, userSignals, tweetSignals}) {
            w.close();
        }
    }
}
