package roost.model;

/**
 * Property keys. Times are epoch milliseconds (UTC) stored as longs, on nodes and on every
 * relationship, so that range scans and arithmetic need no conversion.
 */
public final class Props {
    /** Id of a user or a tweet (a 64-bit long). */
    public static final String ID = "id";

    public static final String CREATED_AT = "createdAt";

    // User
    public static final String HANDLE = "handle";
    public static final String VERIFIED = "verified";

    // Tweet
    public static final String AUTHOR_ID = "authorId";
    public static final String TEXT = "text";
    public static final String LANG = "lang";
    public static final String HAS_MEDIA = "hasMedia";
    public static final String HAS_VIDEO = "hasVideo";
    public static final String HAS_LINK = "hasLink";
    public static final String IN_REPLY_TO = "inReplyTo";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String QUOTED_ID = "quotedId";
    public static final String RETWEET_OF = "retweetOf";

    private Props() {}
}
