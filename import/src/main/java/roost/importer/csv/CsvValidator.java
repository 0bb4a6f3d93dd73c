package roost.importer.csv;

import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.util.function.LongPredicate;
import roost.importer.Progress;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;

/**
 * The first pass of every import: reads the whole directory and checks every row before anything is
 * written. Besides what {@link CsvRecordReader} checks (columns, numbers, booleans, types), it
 * refuses a user or tweet id that appears twice, and any reference to a user or tweet that is in
 * neither the files nor, when a {@link Existing} lookup is given, the database.
 *
 * <p>Memory: two primitive hash sets of the user and tweet ids in the files (about 16 bytes per id).
 * Rows that pass are handed on to an optional downstream visitor, so a caller can validate and
 * transform in one pass. Not thread-safe; one instance per pass.
 */
public final class CsvValidator implements RowVisitor {
    /** Ids that exist outside the files (in the database being loaded into). */
    public interface Existing {
        boolean user(long id);

        boolean tweet(long id);

        /** Nothing exists outside the files (a new, empty database). */
        static Existing none() {
            return NONE;
        }

        /** Lookups backed by two predicates; positives are cached by the validator. */
        static Existing of(LongPredicate user, LongPredicate tweet) {
            return new Existing() {
                @Override
                public boolean user(long id) {
                    return user.test(id);
                }

                @Override
                public boolean tweet(long id) {
                    return tweet.test(id);
                }
            };
        }
    }

    private static final Existing NONE = Existing.of(id -> false, id -> false);

    private final Existing existing;
    private final RowVisitor downstream;
    private final String notFound;
    private final LongOpenHashSet users = new LongOpenHashSet();
    private final LongOpenHashSet tweets = new LongOpenHashSet();
    private final LongOpenHashSet existingUsers = new LongOpenHashSet();
    private final LongOpenHashSet existingTweets = new LongOpenHashSet();

    /**
     * @param existing lookups in the target database, or {@link Existing#none()}
     * @param downstream receives every row that passes; may be null
     */
    public CsvValidator(Existing existing, RowVisitor downstream) {
        this.existing = existing;
        this.downstream = downstream == null ? new RowVisitor() {} : downstream;
        this.notFound = existing == NONE ? " is not in " : " is neither in ";
    }

    /** Validates {@code dir} without a database (as for a new one); returns its row counts. */
    public static CsvSummary validate(CsvDirectory dir, Progress progress) {
        return dir.read(new CsvValidator(Existing.none(), null), progress, "validate", null);
    }

    /** Validates {@code dir}, resolving references that are not in the files with {@code existing}. */
    public static CsvSummary validate(CsvDirectory dir, Existing existing, Progress progress) {
        return dir.read(new CsvValidator(existing, null), progress, "validate", null);
    }

    /** User ids seen in users.csv so far. */
    public int userCount() {
        return users.size();
    }

    public int tweetCount() {
        return tweets.size();
    }

    @Override
    public void user(User user) {
        if (!users.add(user.id())) {
            throw new Rejected("user id " + user.id() + " appears more than once in users.csv");
        }
        downstream.user(user);
    }

    @Override
    public void tweet(Tweet tweet) {
        if (!tweets.add(tweet.id())) {
            throw new Rejected("tweet id " + tweet.id() + " appears more than once in tweets.csv");
        }
        requireUser(tweet.authorId(), "authorId");
        downstream.tweet(tweet);
    }

    @Override
    public void follow(Follow follow) {
        requireUser(follow.followerId(), "followerId");
        requireUser(follow.followeeId(), "followeeId");
        downstream.follow(follow);
    }

    @Override
    public void engagement(Engagement engagement) {
        requireUser(engagement.userId(), "userId");
        requireTweet(engagement.tweetId(), "tweetId");
        downstream.engagement(engagement);
    }

    @Override
    public void signal(Signal signal) {
        requireUser(signal.userId(), "userId");
        if (signal.targetIsTweet()) {
            requireTweet(signal.targetId(), "tweetId");
        } else {
            requireUser(signal.targetId(), "targetUserId");
        }
        downstream.signal(signal);
    }

    @Override
    public void endOfFile(CsvTable<?> table) {
        downstream.endOfFile(table);
    }

    private void requireUser(long id, String column) {
        if (users.contains(id) || existingUsers.contains(id)) {
            return;
        }
        if (existing.user(id)) {
            existingUsers.add(id);
            return;
        }
        throw new Rejected(
                column + " " + id + notFound + "users.csv" + (existing == NONE ? "" : " nor in the database"));
    }

    private void requireTweet(long id, String column) {
        if (tweets.contains(id) || existingTweets.contains(id)) {
            return;
        }
        if (existing.tweet(id)) {
            existingTweets.add(id);
            return;
        }
        throw new Rejected(
                column + " " + id + notFound + "tweets.csv" + (existing == NONE ? "" : " nor in the database"));
    }
}
