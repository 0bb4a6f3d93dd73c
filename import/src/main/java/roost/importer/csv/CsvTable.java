package roost.importer.csv;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;

/**
 * One file of the generic CSV format: its name, its columns (the header line must be exactly these,
 * in this order) and how a row becomes a {@link roost.model.Records} value. The six tables, in the
 * order they are read and loaded, are in {@link #ALL}. The format is described in the module's README.
 *
 * @param <T> the record a row of this file becomes
 */
public final class CsvTable<T> {
    /** {@code id,handle,createdAt,verified}; the only required file. */
    public static final CsvTable<User> USERS =
            new CsvTable<>("users.csv", List.of("id", "handle", "createdAt", "verified"), true, Set.of(), (p, t) -> {
                long id = p.parseLong(0, "id");
                if (p.isEmpty(1)) {
                    throw new RowError("handle is empty");
                }
                return new User(id, p.string(1), p.parseLong(2, "createdAt"), p.parseBoolean(3, "verified"));
            });

    /** {@code id,authorId,createdAt,text,lang,hasMedia,hasVideo,hasLink,inReplyTo,conversationId,quotedId,retweetOf}. */
    public static final CsvTable<Tweet> TWEETS = new CsvTable<>(
            "tweets.csv",
            List.of(
                    "id",
                    "authorId",
                    "createdAt",
                    "text",
                    "lang",
                    "hasMedia",
                    "hasVideo",
                    "hasLink",
                    "inReplyTo",
                    "conversationId",
                    "quotedId",
                    "retweetOf"),
            false,
            Set.of(),
            (p, t) -> new Tweet(
                    p.parseLong(0, "id"),
                    p.parseLong(1, "authorId"),
                    p.parseLong(2, "createdAt"),
                    p.optionalString(3),
                    p.optionalString(4),
                    p.parseBoolean(5, "hasMedia"),
                    p.parseBoolean(6, "hasVideo"),
                    p.parseBoolean(7, "hasLink"),
                    p.parseOptionalLong(8, "inReplyTo"),
                    p.parseOptionalLong(9, "conversationId"),
                    p.parseOptionalLong(10, "quotedId"),
                    p.parseOptionalLong(11, "retweetOf")));

    /** {@code followerId,followeeId,createdAt}: the follower follows the followee. */
    public static final CsvTable<Follow> FOLLOWS = new CsvTable<>(
            "follows.csv",
            List.of("followerId", "followeeId", "createdAt"),
            false,
            Set.of(),
            (p, t) -> new Follow(
                    p.parseLong(0, "followerId"), p.parseLong(1, "followeeId"), p.parseLong(2, "createdAt")));

    /** {@code userId,tweetId,type,createdAt}; type is one of the ENGAGEMENT types of {@link Rel}. */
    public static final CsvTable<Engagement> ENGAGEMENTS = new CsvTable<>(
            "engagements.csv",
            List.of("userId", "tweetId", "type", "createdAt"),
            false,
            Rel.ofKind(Rel.Kind.ENGAGEMENT),
            (p, t) -> new Engagement(
                    p.parseLong(0, "userId"), p.parseLong(1, "tweetId"), t.type(p, 2), p.parseLong(3, "createdAt")));

    /** {@code userId,targetUserId,type,createdAt}; type is BLOCKED, MUTED, NOT_INTERESTED or REPORTED. */
    public static final CsvTable<Signal> USER_SIGNALS = new CsvTable<>(
            "user-signals.csv",
            List.of("userId", "targetUserId", "type", "createdAt"),
            false,
            Rel.USER_SIGNALS,
            (p, t) -> new Signal(
                    p.parseLong(0, "userId"),
                    p.parseLong(1, "targetUserId"),
                    false,
                    t.type(p, 2),
                    p.parseLong(3, "createdAt")));

    /** {@code userId,tweetId,type,createdAt}; type is NOT_INTERESTED or REPORTED. */
    public static final CsvTable<Signal> TWEET_SIGNALS = new CsvTable<>(
            "tweet-signals.csv",
            List.of("userId", "tweetId", "type", "createdAt"),
            false,
            Rel.TWEET_SIGNALS,
            (p, t) -> new Signal(
                    p.parseLong(0, "userId"),
                    p.parseLong(1, "tweetId"),
                    true,
                    t.type(p, 2),
                    p.parseLong(3, "createdAt")));

    /** Every table, in reading and loading order: nodes before the relationships that need them. */
    public static final List<CsvTable<?>> ALL =
            List.of(USERS, TWEETS, FOLLOWS, ENGAGEMENTS, USER_SIGNALS, TWEET_SIGNALS);

    interface Decoder<T> {
        T decode(CsvParser row, CsvTable<T> table) throws RowError;
    }

    private final String fileName;
    private final List<String> columns;
    private final boolean required;
    private final Rel[] types;
    private final Decoder<T> decoder;

    private CsvTable(String fileName, List<String> columns, boolean required, Set<Rel> types, Decoder<T> decoder) {
        this.fileName = fileName;
        this.columns = columns;
        this.required = required;
        this.types = types.isEmpty() ? new Rel[0] : EnumSet.copyOf(types).toArray(new Rel[0]);
        this.decoder = decoder;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> columns() {
        return columns;
    }

    /** The header line, without a line break. */
    public String header() {
        return String.join(",", columns);
    }

    public boolean required() {
        return required;
    }

    /** The relationship types allowed in the {@code type} column; empty for files without one. */
    public Set<Rel> types() {
        return types.length == 0 ? Set.of() : EnumSet.copyOf(List.of(types));
    }

    T decode(CsvParser row) throws RowError {
        if (row.fieldCount() != columns.size()) {
            throw new RowError("expected " + columns.size() + " columns (" + header() + "), found " + row.fieldCount());
        }
        return decoder.decode(row, this);
    }

    private Rel type(CsvParser p, int i) throws RowError {
        for (Rel r : types) {
            if (p.equalsIgnoreCase(i, r.name())) {
                return r;
            }
        }
        throw new RowError("unknown type '" + p.shown(i) + "' for " + fileName + ", expected one of " + types());
    }

    @Override
    public String toString() {
        return fileName;
    }
}
