package roost.importer.higgs;

import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.importer.csv.CsvWriter;
import roost.model.Rel;
import roost.model.Snowflake;

/**
 * Converts the Higgs Twitter data set (SNAP) into the generic CSV format, which any loader then
 * reads. The mapping, documented in the module's README:
 *
 * <ul>
 *   <li>Users: every id in the lines read; handle {@code u<id>}, {@code createdAt} the data set
 *       start ({@link #DATASET_START}), not verified.
 *   <li>Follows: each line {@code A B} of the follow file is "A follows B", {@code createdAt} the
 *       data set start (the data has no follow times). Self-follows and repeated lines are left out.
 *   <li>Tweets: the data has none, so each author gets one tweet per time window (default 1 h) in
 *       which something happened to or by them: {@code createdAt} the first event time in that window,
 *       id a Snowflake id of that time (worker 0, assigned in (time, author) order, so deterministic).
 *   <li>{@code A B ts RT} and {@code A B ts RE}: A RETWEETED / REPLIED B's tweet of the window of ts.
 *       Repeats (same A, type and tweet) are one engagement with the first time.
 *   <li>{@code A B ts MT}: A's tweet of the window of ts mentions B: its text contains {@code @u<B>}.
 * </ul>
 *
 * <p>The three {@code *_network} files are the activity events summed into weighted edges; they hold
 * no user or event that the activity file lacks, so they are not read. Cost: one pass over each
 * file; memory about 40 bytes per event (the whole data set: about 1 s and 60 MB). Stateless and
 * thread-safe.
 */
public final class HiggsConverter {
    /** 2012-07-01T00:00:00Z, the start of the collection (its first event is at 00:02:52). */
    public static final long DATASET_START =
            Instant.parse("2012-07-01T00:00:00Z").toEpochMilli();

    public static final String ACTIVITY_FILE = "higgs-activity_time.txt.gz";
    public static final String FOLLOW_FILE = "higgs-social_network.partial.edgelist.gz";
    /** The full follow graph, read when the partial one is absent. */
    public static final String FULL_FOLLOW_FILE = "higgs-social_network.edgelist.gz";

    /** The text every tweet carries after its mentions: the data set's topic. */
    public static final String TOPIC = "#Higgs";

    private static final Logger LOG = LoggerFactory.getLogger(HiggsConverter.class);
    private static final int PROGRESS_EVERY = 1 << 14;
    private static final byte RT = 0;
    private static final byte RE = 1;
    private static final byte MT = 2;

    /**
     * Reads {@code higgsDir} and writes the generic CSV files into {@code outDir}.
     *
     * @throws ImportException when the activity file is missing or a line is malformed
     */
    public HiggsCounts convert(Path higgsDir, Path outDir, HiggsOptions opts, Progress progress) {
        long start = System.nanoTime();
        Path activityFile = higgsDir.resolve(ACTIVITY_FILE);
        if (!Files.isRegularFile(activityFile)) {
            throw new ImportException(higgsDir + " has no " + ACTIVITY_FILE + " (the one required file)");
        }
        Events events = readActivity(activityFile, opts, progress);
        Follows follows = opts.includeFollows()
                ? followFile(higgsDir).map(f -> readFollows(f, opts, progress)).orElse(Follows.NONE)
                : Follows.NONE;

        LongOpenHashSet userSet = new LongOpenHashSet(events.userIds);
        for (int i = 0; i < follows.size; i++) {
            userSet.add(follows.from[i]);
            userSet.add(follows.to[i]);
        }
        long[] users = userSet.toLongArray();
        Arrays.sort(users);

        long[] tweetIds = events.tweetIds();
        long mentions = 0;
        try (CsvWriter out = new CsvWriter(outDir);
                Progress.Task task = progress.start("write " + outDir.getFileName(), -1)) {
            for (long u : users) {
                out.user(u, "u" + u, DATASET_START, false);
            }
            task.step(users.length);
            mentions = events.writeTweets(out, tweetIds);
            task.step(events.tweets);
            for (int i = 0; i < follows.size; i++) {
                out.follow(follows.from[i], follows.to[i], DATASET_START);
            }
            task.step(follows.size);
            events.writeEngagements(out, tweetIds);
            task.step(events.engagements);
        }
        HiggsCounts counts = new HiggsCounts(
                events.lines,
                follows.lines,
                users.length,
                events.tweets,
                follows.size,
                events.engagementsOf(RT),
                events.engagementsOf(RE),
                mentions,
                events.merged,
                events.self,
                follows.selfDropped,
                follows.duplicatesDropped,
                (System.nanoTime() - start) / 1e9);
        LOG.info("Converted {} into {}: {}", higgsDir, outDir, counts);
        return counts;
    }

    private static Optional<Path> followFile(Path dir) {
        for (String name : new String[] {FOLLOW_FILE, FULL_FOLLOW_FILE}) {
            if (Files.isRegularFile(dir.resolve(name))) {
                return Optional.of(dir.resolve(name));
            }
        }
        return Optional.empty();
    }

    private static Events readActivity(Path file, HiggsOptions opts, Progress progress) {
        Events ev = new Events(opts.window().toMillis());
        try (EdgeListReader in = new EdgeListReader(file);
                Progress.Task task = progress.start("read " + file.getFileName(), -1)) {
            while (ev.lines < opts.activityLimit() && in.next()) {
                ev.lines++;
                if (in.tokens() != 4) {
                    throw in.bad("expected 4 fields (userA userB unix_ts type), found " + in.tokens());
                }
                int a = in.id(0);
                int b = in.id(1);
                long ts = in.number(2);
                byte type;
                if (in.tokenIs(3, "RT")) {
                    type = RT;
                } else if (in.tokenIs(3, "RE")) {
                    type = RE;
                } else if (in.tokenIs(3, "MT")) {
                    type = MT;
                } else {
                    throw in.bad("unknown type '" + in.token(3) + "', expected RT, RE or MT");
                }
                ev.userIds.add(a);
                ev.userIds.add(b);
                if (a == b) {
                    ev.self++;
                    if (opts.selfEvents() == HiggsOptions.SelfEvents.DROP) {
                        continue;
                    }
                }
                ev.add(a, b, ts * 1000, type);
                if ((ev.lines & (PROGRESS_EVERY - 1)) == 0) {
                    task.step(PROGRESS_EVERY);
                }
            }
            task.step(ev.lines & (PROGRESS_EVERY - 1));
        }
        return ev;
    }

    private static Follows readFollows(Path file, HiggsOptions opts, Progress progress) {
        Follows f = new Follows();
        LongOpenHashSet seen = new LongOpenHashSet();
        try (EdgeListReader in = new EdgeListReader(file);
                Progress.Task task = progress.start("read " + file.getFileName(), -1)) {
            while (f.lines < opts.followLimit() && in.next()) {
                f.lines++;
                if (in.tokens() != 2) {
                    throw in.bad("expected 2 fields (follower followee), found " + in.tokens());
                }
                int a = in.id(0);
                int b = in.id(1);
                if (a == b) {
                    f.selfDropped++;
                } else if (!seen.add(((long) a << 32) | b)) {
                    f.duplicatesDropped++;
                } else {
                    f.add(a, b);
                }
                if ((f.lines & (PROGRESS_EVERY - 1)) == 0) {
                    task.step(PROGRESS_EVERY);
                }
            }
            task.step(f.lines & (PROGRESS_EVERY - 1));
        }
        return f;
    }

    /** Follow pairs in file order. */
    private static final class Follows {
        static final Follows NONE = new Follows();

        long lines;
        int size;
        int[] from = new int[1024];
        int[] to = new int[1024];
        long selfDropped;
        long duplicatesDropped;

        void add(int a, int b) {
            if (size == from.length) {
                from = Arrays.copyOf(from, size * 2);
                to = Arrays.copyOf(to, size * 2);
            }
            from[size] = a;
            to[size] = b;
            size++;
        }
    }

    /** The activity, mapped to tweets (author, window) and engagements, in primitive arrays. */
    private static final class Events {
        final long windowMillis;
        final LongOpenHashSet userIds = new LongOpenHashSet();
        long lines;
        long self;
        long merged;

        // Tweets, by index: author, first event time.
        final Long2IntOpenHashMap tweetIndex = new Long2IntOpenHashMap();
        int tweets;
        int[] tweetAuthor = new int[1024];
        long[] tweetFirst = new long[1024];

        // Engagements (RT, RE) in file order, repeats left out: actor, tweet index, type, time.
        int engagements;
        int[] engActor = new int[1024];
        int[] engTweet = new int[1024];
        byte[] engType = new byte[1024];
        long[] engTime = new long[1024];
        final LongOpenHashSet engaged = new LongOpenHashSet();

        // Mentions in file order: tweet index, mentioned user; repeats left out.
        int mentions;
        int[] mentionTweet = new int[1024];
        int[] mentionUser = new int[1024];
        final LongOpenHashSet mentioned = new LongOpenHashSet();

        Events(long windowMillis) {
            this.windowMillis = windowMillis;
            tweetIndex.defaultReturnValue(-1);
        }

        void add(int a, int b, long time, byte type) {
            if (type == MT) {
                int t = tweet(a, time);
                if (mentioned.add(((long) t << 32) | b)) {
                    if (mentions == mentionTweet.length) {
                        mentionTweet = Arrays.copyOf(mentionTweet, mentions * 2);
                        mentionUser = Arrays.copyOf(mentionUser, mentions * 2);
                    }
                    mentionTweet[mentions] = t;
                    mentionUser[mentions] = b;
                    mentions++;
                } else {
                    merged++;
                }
                return;
            }
            int t = tweet(b, time);
            // Key: tweet (31 bits), actor (31 bits), type (1 bit).
            long key = ((long) t << 32) | ((long) a << 1) | type;
            if (!engaged.add(key)) {
                merged++;
                return;
            }
            if (engagements == engActor.length) {
                int n = engagements * 2;
                engActor = Arrays.copyOf(engActor, n);
                engTweet = Arrays.copyOf(engTweet, n);
                engType = Arrays.copyOf(engType, n);
                engTime = Arrays.copyOf(engTime, n);
            }
            engActor[engagements] = a;
            engTweet[engagements] = t;
            engType[engagements] = type;
            engTime[engagements] = time;
            engagements++;
        }

        /** The tweet of {@code author} for the window of {@code time}, made on first sight. */
        private int tweet(int author, long time) {
            long window = Math.floorDiv(time - DATASET_START, windowMillis);
            long key = ((long) author << 32) | (window & 0xffffffffL);
            int t = tweetIndex.get(key);
            if (t < 0) {
                t = tweets++;
                if (t == tweetAuthor.length) {
                    tweetAuthor = Arrays.copyOf(tweetAuthor, t * 2);
                    tweetFirst = Arrays.copyOf(tweetFirst, t * 2);
                }
                tweetAuthor[t] = author;
                tweetFirst[t] = time;
                tweetIndex.put(key, t);
            } else if (time < tweetFirst[t]) {
                tweetFirst[t] = time;
            }
            return t;
        }

        /** Snowflake ids (worker 0) by tweet index, issued in (createdAt, author) order. */
        long[] tweetIds() {
            int[] order = new int[tweets];
            for (int i = 0; i < tweets; i++) {
                order[i] = i;
            }
            IntArrays.quickSort(order, (x, y) -> {
                int c = Long.compare(tweetFirst[x], tweetFirst[y]);
                return c != 0 ? c : Integer.compare(tweetAuthor[x], tweetAuthor[y]);
            });
            Snowflake ids = new Snowflake(0);
            long[] out = new long[tweets];
            for (int i : order) {
                out[i] = ids.next(tweetFirst[i]);
            }
            return out;
        }

        /** Writes the tweets in id order; returns the number of mentions written. */
        long writeTweets(CsvWriter out, long[] ids) {
            // Mentions grouped by tweet, in the order they happened.
            int[] start = new int[tweets + 1];
            for (int m = 0; m < mentions; m++) {
                start[mentionTweet[m] + 1]++;
            }
            for (int t = 0; t < tweets; t++) {
                start[t + 1] += start[t];
            }
            int[] fill = Arrays.copyOf(start, tweets);
            int[] users = new int[mentions];
            for (int m = 0; m < mentions; m++) {
                users[fill[mentionTweet[m]]++] = mentionUser[m];
            }
            int[] order = new int[tweets];
            for (int i = 0; i < tweets; i++) {
                order[i] = i;
            }
            IntArrays.quickSort(order, (x, y) -> Long.compare(ids[x], ids[y]));
            StringBuilder text = new StringBuilder();
            for (int t : order) {
                text.setLength(0);
                for (int m = start[t]; m < start[t + 1]; m++) {
                    text.append("@u").append(users[m]).append(' ');
                }
                text.append(TOPIC);
                out.tweet(new roost.model.Records.Tweet(
                        ids[t],
                        tweetAuthor[t],
                        tweetFirst[t],
                        text.toString(),
                        null,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null));
            }
            return mentions;
        }

        void writeEngagements(CsvWriter out, long[] ids) {
            for (int i = 0; i < engagements; i++) {
                Rel type = engType[i] == RT ? Rel.RETWEETED : Rel.REPLIED;
                out.engagement(engActor[i], ids[engTweet[i]], type, engTime[i]);
            }
        }

        long engagementsOf(byte type) {
            long n = 0;
            for (int i = 0; i < engagements; i++) {
                if (engType[i] == type) {
                    n++;
                }
            }
            return n;
        }
    }
}
