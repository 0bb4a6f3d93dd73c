package roost.importer.generate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.ints.IntOpenHashSet;
import it.unimi.dsi.fastutil.longs.LongArrays;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import roost.importer.Progress;
import roost.importer.csv.CsvRowWriter;
import roost.importer.csv.CsvWriter;
import roost.model.Records.Tweet;
import roost.model.Rel;
import roost.model.RoostException;
import roost.model.Snowflake;

/**
 * Writes a synthetic network in the generic CSV format, with the ground truth it was drawn from.
 *
 * <p>The model, in the order it is drawn (constants below; the README has the prose):
 *
 * <ul>
 *   <li>Communities with Zipf-like sizes, each with a language and a vocabulary of made-up words.
 *   <li>Users (ids 1..n): 1 to 3 interest communities with weights, a Pareto popularity (the
 *       most popular are verified), a log-normal activity that scales how much they follow, post and
 *       engage.
 *   <li>Follows, Chung-Lu style: a followee is drawn in proportion to popularity from one of the
 *       follower's communities (85%) or from any community (15%), which gives a power-law in-degree.
 *   <li>Tweets at uniform times over the history, each about one of its author's communities, text
 *       drawn from that community's words (Zipf) plus shared words; media, video, link, language;
 *       12% replies to an earlier tweet of the community (and a REPLIED engagement), 4% quotes
 *       (and a QUOTED engagement). Ids are Snowflake ids (worker 1) of the creation time.
 *   <li>Engagements: candidate tweets come from followed authors or, in proportion to author
 *       popularity, from the user's communities or any community; a candidate is engaged with
 *       probability growing with the dot product of the user's interests and the tweet's community;
 *       the engagement comes after the tweet by an exponential delay (mean 3 h), so recent tweets
 *       collect less before the history ends. One engagement draws a mix of types: likes most,
 *       then clicks (more on link tweets), dwells, retweets, profile clicks, video views (video
 *       tweets only).
 *   <li>Negative signals, mostly (85%) about authors and tweets outside the user's interests, never
 *       about someone the user follows or a tweet they engaged with.
 * </ul>
 *
 * <p>Determinism: every user and tweet draws from its own {@link SplittableRandom} stream derived from
 * the seed, so the same config gives byte-identical files. Memory: primitive arrays only, about
 * 40 bytes per user and 30 bytes per tweet; follows and engagements are streamed to the files and
 * never held (a user's followees are drawn again from the same stream when needed). One thread.
 * The class is stateless and thread-safe; each call works on its own state.
 */
public final class Generator {
    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

    /** Ground truth: userId,community,weight. */
    public static final String TRUTH_USER_INTERESTS = "truth-user-interests.csv";
    /** Ground truth: tweetId,community. */
    public static final String TRUTH_TWEET_COMMUNITIES = "truth-tweet-communities.csv";
    /** Ground truth: community,name,lang,share,members,topWords. */
    public static final String TRUTH_COMMUNITIES = "truth-communities.csv";
    /** The config and the row counts, as {@code key=value} lines. */
    public static final String PROPERTIES = "generator.properties";

    /** Snowflake worker of generated tweet ids (the Higgs converter uses 0). */
    static final int TWEET_ID_WORKER = 1;

    // Purposes of the random streams.
    private static final int S_COMMUNITIES = 0;
    private static final int S_USER = 1;
    private static final int S_FOLLOW = 2;
    private static final int S_FOLLOW_TIME = 3;
    private static final int S_TWEETS = 4;
    private static final int S_TWEET = 5;
    private static final int S_ENGAGE = 6;
    private static final int S_NEGATIVE = 7;
    private static final int S_HANDLE = 8;

    // The model's constants.
    static final double COMMUNITY_SIZE_EXPONENT = 0.7;
    static final double POPULARITY_SHAPE = 1.6;
    static final double POPULARITY_CAP = 5_000;
    static final double VERIFIED_POPULARITY = 40;
    static final double ACTIVITY_SIGMA = 0.9;
    static final double IN_COMMUNITY_FOLLOW = 0.85;
    static final double P_VIDEO = 0.06;
    static final double P_MEDIA = 0.18;
    static final double P_LINK = 0.15;
    static final double P_REPLY = 0.12;
    static final double P_QUOTE = 0.04;
    static final double P_OWN_LANGUAGE = 0.9;
    static final double P_FROM_FOLLOWEE = 0.35;
    static final double P_FROM_INTEREST = 0.55;
    static final double AFFINITY_FLOOR = 0.03;
    static final double FOLLOWEE_BOOST = 1.5;
    static final long MEAN_DELAY_MILLIS = 3 * 3_600_000L;
    static final double P_DWELL = 0.30;
    static final double P_CLICK = 0.30;
    static final double P_CLICK_LINK_BONUS = 0.25;
    static final double P_LIKE = 0.55;
    static final double P_RETWEET = 0.07;
    static final double P_PROFILE_CLICK = 0.03;
    static final double P_VIDEO_VIEW = 0.65;
    static final double P_NEGATIVE_OUT_OF_INTEREST = 0.85;

    private static final String[] LANGS = {"es", "pt", "ja", "fr", "de", "tr", "id", "ko"};
    private static final String[] SENTENCE_ENDS = {".", "!", "?", "", "..."};
    private static final byte F_MEDIA = 1;
    private static final byte F_VIDEO = 2;
    private static final byte F_LINK = 4;
    private static final byte F_REPLY = 8;
    private static final int K = 3;

    /**
     * Generates the network of {@code cfg} into {@code outDir} (created if needed; files in it are
     * overwritten). Time: about a minute per million users at the default densities.
     */
    public GeneratorResult generate(GeneratorConfig cfg, Path outDir, Progress progress) {
        return new Run(cfg, outDir, progress).run();
    }

    /** The state of one generation. */
    private static final class Run {
        final GeneratorConfig cfg;
        final Path out;
        final Progress progress;
        final int n;
        final int communities;
        final long seed;
        final long start;
        final long end;

        Vocabulary vocabulary;
        double[] communityCumulative;
        double[] communityShare;
        String[] communityLang;

        float[] popularity;
        float[] activity;
        long[] created;
        int[] interest;
        float[] interestWeight;

        int[] memberStart;
        int[] memberUser;
        double[] memberCumulative;
        int maxFollows;

        int tweets;
        int[] tweetAuthor;
        short[] tweetCommunity;
        long[] tweetId;
        byte[] tweetFlags;
        int[] authorStart;
        int[] authorTweets;

        Run(GeneratorConfig cfg, Path out, Progress progress) {
            this.cfg = cfg;
            this.out = out;
            this.progress = progress;
            this.n = cfg.users();
            this.communities = cfg.communities();
            this.seed = cfg.seed();
            this.start = cfg.startMillis();
            this.end = cfg.endMillis();
        }

        GeneratorResult run() {
            long t0 = System.nanoTime();
            try {
                Files.createDirectories(out);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + out, e);
            }
            communities();
            Map<String, Long> rows;
            Map<Rel, Long> engagements;
            try (CsvWriter csv = new CsvWriter(out)) {
                users(csv);
                samplers();
                follows(csv);
                tweets(csv);
                engagementsAndSignals(csv);
                rows = csv.rowsPerFile();
                engagements = csv.engagementsPerType();
            }
            writeCommunities();
            GeneratorResult result = new GeneratorResult(
                    out,
                    rows.get("users.csv"),
                    rows.get("follows.csv"),
                    rows.get("tweets.csv"),
                    engagements,
                    rows.get("user-signals.csv"),
                    rows.get("tweet-signals.csv"),
                    (System.nanoTime() - t0) / 1e9);
            writeProperties(rows, engagements);
            LOG.info(
                    "Generated {} users, {} follows, {} tweets, {} engagements, {} signals into {} in {} s",
                    result.users(),
                    result.follows(),
                    result.tweets(),
                    result.engagementCount(),
                    result.userSignals() + result.tweetSignals(),
                    out,
                    String.format("%.1f", result.seconds()));
            return result;
        }

        // ---- communities and users

        void communities() {
            SplittableRandom r = Rng.stream(seed, S_COMMUNITIES, 0);
            vocabulary = new Vocabulary(communities, r);
            communityShare = new double[communities];
            communityCumulative = new double[communities];
            communityLang = new String[communities];
            double sum = 0;
            for (int c = 0; c < communities; c++) {
                sum += 1.0 / StrictMath.pow(c + 1, COMMUNITY_SIZE_EXPONENT);
                communityCumulative[c] = sum;
                communityLang[c] = c == 0 || r.nextDouble() < 0.6 ? "en" : LANGS[r.nextInt(LANGS.length)];
            }
            for (int c = 0; c < communities; c++) {
                communityShare[c] = (1.0 / StrictMath.pow(c + 1, COMMUNITY_SIZE_EXPONENT)) / sum;
            }
        }

        int communityByShare(SplittableRandom r) {
            return Rng.search(
                    communityCumulative, 0, communities, r.nextDouble() * communityCumulative[communities - 1]);
        }

        void users(CsvWriter csv) {
            popularity = new float[n];
            activity = new float[n];
            created = new long[n];
            interest = new int[K * n];
            interestWeight = new float[K * n];
            double activityMean = StrictMath.exp(ACTIVITY_SIGMA * ACTIVITY_SIGMA / 2);
            try (CsvRowWriter truth = new CsvRowWriter(out.resolve(TRUTH_USER_INTERESTS), "userId,community,weight");
                    Progress.Task task = progress.start("generate users", n)) {
                double[] raw = new double[K];
                for (int u = 0; u < n; u++) {
                    SplittableRandom r = Rng.stream(seed, S_USER, u);
                    double pop = StrictMath.pow(1.0 - r.nextDouble(), -1.0 / POPULARITY_SHAPE);
                    popularity[u] = (float) Math.min(pop, POPULARITY_CAP);
                    activity[u] = (float) (StrictMath.exp(ACTIVITY_SIGMA * Rng.gaussian(r)) / activityMean);
                    created[u] = start - 86_400_000L * (1 + r.nextInt(3 * 365)) - r.nextInt(86_400_000);
                    double x = r.nextDouble();
                    int k = Math.min(communities, x < 0.45 ? 1 : x < 0.85 ? 2 : 3);
                    double total = 0;
                    for (int j = 0; j < K; j++) {
                        interest[K * u + j] = -1;
                    }
                    for (int j = 0; j < k; j++) {
                        int c = communityByShare(r);
                        for (int tries = 0; tries < 20 && has(u, c); tries++) {
                            c = communityByShare(r);
                        }
                        if (has(u, c)) {
                            c = firstMissing(u);
                        }
                        interest[K * u + j] = c;
                        raw[j] = Rng.exponential(r) + (j == 0 ? 1.0 : 0.0);
                        total += raw[j];
                    }
                    for (int j = 0; j < k; j++) {
                        interestWeight[K * u + j] = (float) (raw[j] / total);
                        truth.longField(u + 1L)
                                .longField(interest[K * u + j])
                                .decimalField(interestWeight[K * u + j], 4)
                                .endRow();
                    }
                    csv.user(u + 1L, handle(u), created[u], pop >= VERIFIED_POPULARITY);
                    if ((u & 4095) == 4095) {
                        task.step(4096);
                    }
                }
                task.stepTo(n);
            }
        }

        boolean has(int u, int c) {
            for (int j = 0; j < K; j++) {
                if (interest[K * u + j] == c) {
                    return true;
                }
            }
            return false;
        }

        int firstMissing(int u) {
            for (int c = 0; ; c++) {
                if (!has(u, c)) {
                    return c;
                }
            }
        }

        String handle(int u) {
            SplittableRandom r = Rng.stream(seed, S_HANDLE, u);
            return Vocabulary.pseudoWord(r, 2) + (u + 1);
        }

        /** One of {@code u}'s communities, drawn by weight. */
        int interestOf(int u, SplittableRandom r) {
            double x = r.nextDouble();
            double acc = 0;
            int last = interest[K * u];
            for (int j = 0; j < K; j++) {
                int c = interest[K * u + j];
                if (c < 0) {
                    break;
                }
                last = c;
                acc += interestWeight[K * u + j];
                if (x < acc) {
                    return c;
                }
            }
            return last;
        }

        /** The weight of community {@code c} in {@code u}'s interests: their dot product. */
        double affinity(int u, int c) {
            for (int j = 0; j < K; j++) {
                if (interest[K * u + j] == c) {
                    return interestWeight[K * u + j];
                }
            }
            return 0;
        }

        // ---- follows

        /** Per community: members and cumulative (popularity x interest weight). */
        void samplers() {
            memberStart = new int[communities + 1];
            for (int i = 0; i < K * n; i++) {
                if (interest[i] >= 0) {
                    memberStart[interest[i] + 1]++;
                }
            }
            for (int c = 0; c < communities; c++) {
                memberStart[c + 1] += memberStart[c];
            }
            memberUser = new int[memberStart[communities]];
            memberCumulative = new double[memberUser.length];
            int[] fill = Arrays.copyOf(memberStart, communities);
            for (int i = 0; i < K * n; i++) {
                if (interest[i] >= 0) {
                    int at = fill[interest[i]]++;
                    memberUser[at] = i / K;
                    memberCumulative[at] = popularity[i / K] * (0.25 + interestWeight[i]);
                }
            }
            for (int c = 0; c < communities; c++) {
                for (int i = memberStart[c] + 1; i < memberStart[c + 1]; i++) {
                    memberCumulative[i] += memberCumulative[i - 1];
                }
            }
            maxFollows = (int) Math.min(n - 1L, (long) (cfg.avgFollows() * 20 + 20));
        }

        /** A member of community {@code c} drawn by popularity, or -1 when it has none. */
        int member(int c, SplittableRandom r) {
            int s = memberStart[c];
            int e = memberStart[c + 1];
            if (s == e) {
                return -1;
            }
            return memberUser[Rng.search(memberCumulative, s, e, r.nextDouble() * memberCumulative[e - 1])];
        }

        /** Draws {@code u}'s followees into {@code list} (and {@code set}); the same every time. */
        void followees(int u, IntArrayList list, IntOpenHashSet set) {
            list.clear();
            set.clear();
            SplittableRandom r = Rng.stream(seed, S_FOLLOW, u);
            int k = Math.min(Rng.poisson(r, cfg.avgFollows() * activity[u]), maxFollows);
            for (int tries = 0; list.size() < k && tries < 8 * k + 16; tries++) {
                int c = r.nextDouble() < IN_COMMUNITY_FOLLOW ? interestOf(u, r) : communityByShare(r);
                int v = member(c, r);
                if (v >= 0 && v != u && set.add(v)) {
                    list.add(v);
                }
            }
        }

        void follows(CsvWriter csv) {
            IntArrayList list = new IntArrayList();
            IntOpenHashSet set = new IntOpenHashSet();
            try (Progress.Task task = progress.start("generate follows", n)) {
                for (int u = 0; u < n; u++) {
                    followees(u, list, set);
                    SplittableRandom times = Rng.stream(seed, S_FOLLOW_TIME, u);
                    for (int i = 0; i < list.size(); i++) {
                        int v = list.getInt(i);
                        long from = Math.max(created[u], created[v]);
                        csv.follow(u + 1L, v + 1L, from + (long) (times.nextDouble() * (end - from)));
                    }
                    if ((u & 4095) == 4095) {
                        task.step(4096);
                    }
                }
                task.stepTo(n);
            }
        }

        // ---- tweets

        void tweets(CsvWriter csv) {
            int[] count = new int[n];
            long total = 0;
            int cap = (int) Math.min(1_000_000, cfg.tweetsPerUser() * 50 + 50);
            for (int u = 0; u < n; u++) {
                SplittableRandom r = Rng.stream(seed, S_TWEETS, u);
                count[u] = Math.min(Rng.poisson(r, cfg.tweetsPerUser() * activity[u]), cap);
                total += count[u];
            }
            if (total > Integer.MAX_VALUE - 16) {
                throw new RoostException.InvalidArgument(
                        "users x tweetsPerUser must stay below 2^31 tweets, would be " + total);
            }
            tweets = (int) total;
            long[] time = new long[tweets];
            long[] index = new long[tweets];
            int[] author = new int[tweets];
            short[] community = new short[tweets];
            long history = end - start;
            int i = 0;
            for (int u = 0; u < n; u++) {
                SplittableRandom r = Rng.stream(seed, S_TWEETS, u);
                Rng.poisson(r, cfg.tweetsPerUser() * activity[u]); // the count, drawn above
                for (int j = 0; j < count[u]; j++, i++) {
                    time[i] = start + (long) (r.nextDouble() * history);
                    index[i] = i;
                    author[i] = u;
                    community[i] = (short) interestOf(u, r);
                }
            }
            // Time order, ties by creation index: deterministic.
            LongArrays.radixSort(time, index);
            tweetAuthor = new int[tweets];
            tweetCommunity = new short[tweets];
            tweetId = new long[tweets];
            tweetFlags = new byte[tweets];
            Snowflake ids = new Snowflake(TWEET_ID_WORKER);
            for (int t = 0; t < tweets; t++) {
                int from = (int) index[t];
                tweetAuthor[t] = author[from];
                tweetCommunity[t] = community[from];
                tweetId[t] = ids.next(time[t]);
            }
            time = null;
            index = null;
            author = null;
            community = null;
            authorStart = new int[n + 1];
            for (int t = 0; t < tweets; t++) {
                authorStart[tweetAuthor[t] + 1]++;
            }
            for (int u = 0; u < n; u++) {
                authorStart[u + 1] += authorStart[u];
            }
            authorTweets = new int[tweets];
            int[] fill = Arrays.copyOf(authorStart, n);
            for (int t = 0; t < tweets; t++) {
                authorTweets[fill[tweetAuthor[t]]++] = t;
            }
            writeTweets(csv);
        }

        void writeTweets(CsvWriter csv) {
            LongOpenHashSet replied = new LongOpenHashSet();
            LongOpenHashSet quoted = new LongOpenHashSet();
            try (CsvRowWriter truth = new CsvRowWriter(out.resolve(TRUTH_TWEET_COMMUNITIES), "tweetId,community");
                    Progress.Task task = progress.start("generate tweets", tweets)) {
                for (int t = 0; t < tweets; t++) {
                    SplittableRandom r = Rng.stream(seed, S_TWEET, t);
                    int a = tweetAuthor[t];
                    int c = tweetCommunity[t];
                    boolean video = r.nextDouble() < P_VIDEO;
                    boolean media = video || r.nextDouble() < P_MEDIA;
                    boolean link = r.nextDouble() < P_LINK;
                    double x = r.nextDouble();
                    int replyTo = x < P_REPLY ? earlier(c, a, t, r, true) : -1;
                    int quote = x >= P_REPLY && x < P_REPLY + P_QUOTE ? earlier(c, a, t, r, false) : -1;
                    tweetFlags[t] = (byte) ((media ? F_MEDIA : 0)
                            | (video ? F_VIDEO : 0)
                            | (link ? F_LINK : 0)
                            | (replyTo >= 0 ? F_REPLY : 0));
                    String lang = r.nextDouble() < P_OWN_LANGUAGE ? communityLang[c] : "en";
                    String text = text(c, r, replyTo >= 0 ? handle(tweetAuthor[replyTo]) : null, link);
                    long createdAt = Snowflake.timestampOf(tweetId[t]);
                    csv.tweet(new Tweet(
                            tweetId[t],
                            a + 1L,
                            createdAt,
                            text,
                            lang,
                            media,
                            video,
                            link,
                            replyTo >= 0 ? tweetId[replyTo] : null,
                            replyTo >= 0 ? tweetId[replyTo] : tweetId[t],
                            quote >= 0 ? tweetId[quote] : null,
                            null));
                    truth.longField(tweetId[t]).longField(c).endRow();
                    if (replyTo >= 0 && replied.add(((long) a << 32) | replyTo)) {
                        csv.engagement(a + 1L, tweetId[replyTo], Rel.REPLIED, createdAt);
                    }
                    if (quote >= 0 && quoted.add(((long) a << 32) | quote)) {
                        csv.engagement(a + 1L, tweetId[quote], Rel.QUOTED, createdAt);
                    }
                    if ((t & 4095) == 4095) {
                        task.step(4096);
                    }
                }
                task.stepTo(tweets);
            }
        }

        /** An earlier tweet of community {@code c}'s authors (not by {@code a}), or -1. */
        int earlier(int c, int a, int before, SplittableRandom r, boolean rootsOnly) {
            for (int tries = 0; tries < 6; tries++) {
                int v = member(c, r);
                if (v < 0 || v == a) {
                    continue;
                }
                int s = authorStart[v];
                int count = Arrays.binarySearch(authorTweets, s, authorStart[v + 1], before);
                count = (count < 0 ? -count - 1 : count) - s;
                if (count == 0) {
                    continue;
                }
                int t = authorTweets[s + r.nextInt(count)];
                if (rootsOnly && (tweetFlags[t] & F_REPLY) != 0) {
                    continue;
                }
                return t;
            }
            return -1;
        }

        String text(int c, SplittableRandom r, String replyHandle, boolean link) {
            StringBuilder b = new StringBuilder(160);
            if (replyHandle != null) {
                b.append('@').append(replyHandle).append(' ');
            }
            int words = 6 + r.nextInt(13);
            int quoteAt = r.nextDouble() < 0.03 ? r.nextInt(words) : -1;
            int breakAt = r.nextDouble() < 0.015 ? words / 2 : -1;
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    b.append(i == breakAt ? '\n' : ' ');
                }
                double x = r.nextDouble();
                String w = x < 0.62
                        ? vocabulary.word(c, r)
                        : x < 0.95 ? vocabulary.shared(r) : vocabulary.word(r.nextInt(communities), r);
                if (i == quoteAt) {
                    b.append('"').append(w).append('"');
                } else {
                    b.append(w);
                }
                if (i < words - 1 && r.nextDouble() < 0.06) {
                    b.append(',');
                }
            }
            b.append(SENTENCE_ENDS[r.nextInt(SENTENCE_ENDS.length)]);
            if (r.nextDouble() < 0.25) {
                b.append(" #").append(vocabulary.top(c, r.nextInt(10)));
            }
            if (link) {
                b.append(" https://example.com/").append(vocabulary.top(c, r.nextInt(50)));
            }
            return b.toString();
        }

        // ---- engagements and negative signals

        void engagementsAndSignals(CsvWriter csv) {
            IntArrayList followees = new IntArrayList();
            IntOpenHashSet followed = new IntOpenHashSet();
            IntOpenHashSet engaged = new IntOpenHashSet();
            LongOpenHashSet signalled = new LongOpenHashSet();
            try (Progress.Task task = progress.start("generate engagements", n)) {
                for (int u = 0; u < n; u++) {
                    followees(u, followees, followed);
                    engaged.clear();
                    engage(u, followees, engaged, csv);
                    signalled.clear();
                    negatives(u, followed, engaged, signalled, csv);
                    if ((u & 4095) == 4095) {
                        task.step(4096);
                    }
                }
                task.stepTo(n);
            }
        }

        void engage(int u, IntArrayList followees, IntOpenHashSet engaged, CsvWriter csv) {
            if (tweets == 0) {
                return;
            }
            SplittableRandom r = Rng.stream(seed, S_ENGAGE, u);
            int wanted = Math.min(
                    Rng.poisson(r, cfg.engagementsPerUser() * activity[u]), (int) (cfg.engagementsPerUser() * 50 + 50));
            int rows = 0;
            for (int attempt = 0; rows < wanted && attempt < 30 * wanted + 30; attempt++) {
                double x = r.nextDouble();
                boolean fromFollowee = x < P_FROM_FOLLOWEE && !followees.isEmpty();
                int v;
                if (fromFollowee) {
                    v = followees.getInt(r.nextInt(followees.size()));
                } else if (x < P_FROM_FOLLOWEE + P_FROM_INTEREST) {
                    v = member(interestOf(u, r), r);
                } else {
                    v = member(communityByShare(r), r);
                }
                if (v < 0 || v == u || authorStart[v] == authorStart[v + 1]) {
                    continue;
                }
                int t = authorTweets[authorStart[v] + r.nextInt(authorStart[v + 1] - authorStart[v])];
                if (engaged.contains(t)) {
                    continue;
                }
                double p = (AFFINITY_FLOOR + affinity(u, tweetCommunity[t])) * (fromFollowee ? FOLLOWEE_BOOST : 1.0);
                if (r.nextDouble() >= p) {
                    continue;
                }
                long at = Snowflake.timestampOf(tweetId[t]) + 1_000 + (long) (Rng.exponential(r) * MEAN_DELAY_MILLIS);
                if (at >= end - 180_000) {
                    continue;
                }
                engaged.add(t);
                long user = u + 1L;
                long id = tweetId[t];
                byte flags = tweetFlags[t];
                if (r.nextDouble() < P_DWELL) {
                    csv.engagement(user, id, Rel.DWELLED, at);
                    rows++;
                }
                if ((flags & F_VIDEO) != 0 && r.nextDouble() < P_VIDEO_VIEW) {
                    csv.engagement(user, id, Rel.VIDEO_VIEWED, at + 1_000 + r.nextInt(4_000));
                    rows++;
                }
                if (r.nextDouble() < P_CLICK + ((flags & F_LINK) != 0 ? P_CLICK_LINK_BONUS : 0)) {
                    csv.engagement(user, id, Rel.CLICKED, at + 2_000 + r.nextInt(8_000));
                    rows++;
                }
                if (r.nextDouble() < P_LIKE) {
                    csv.engagement(user, id, Rel.LIKED, at + 3_000 + r.nextInt(57_000));
                    rows++;
                }
                if (r.nextDouble() < P_RETWEET * (fromFollowee ? FOLLOWEE_BOOST : 1.0)) {
                    csv.engagement(user, id, Rel.RETWEETED, at + 5_000 + r.nextInt(115_000));
                    rows++;
                }
                if (r.nextDouble() < P_PROFILE_CLICK) {
                    csv.engagement(user, id, Rel.PROFILE_CLICKED, at + 5_000 + r.nextInt(55_000));
                    rows++;
                }
            }
        }

        void negatives(
                int u, IntOpenHashSet followed, IntOpenHashSet engaged, LongOpenHashSet signalled, CsvWriter csv) {
            SplittableRandom r = Rng.stream(seed, S_NEGATIVE, u);
            int wanted = Math.min(Rng.poisson(r, cfg.negativesPerUser()), (int) (cfg.negativesPerUser() * 50 + 50));
            int written = 0;
            for (int attempt = 0; written < wanted && attempt < 10 * wanted; attempt++) {
                int c;
                if (r.nextDouble() < P_NEGATIVE_OUT_OF_INTEREST) {
                    c = communityByShare(r);
                    for (int tries = 0; tries < 5 && has(u, c); tries++) {
                        c = communityByShare(r);
                    }
                } else {
                    c = interestOf(u, r);
                }
                int v = member(c, r);
                if (v < 0 || v == u || followed.contains(v)) {
                    continue;
                }
                double x = r.nextDouble();
                Rel type = x < 0.50
                        ? Rel.NOT_INTERESTED
                        : x < 0.62
                                ? Rel.REPORTED
                                : x < 0.82
                                        ? Rel.MUTED
                                        : x < 0.94 ? Rel.BLOCKED : x < 0.97 ? Rel.REPORTED : Rel.NOT_INTERESTED;
                boolean aboutTweet = x < 0.62;
                if (aboutTweet) {
                    if (authorStart[v] == authorStart[v + 1]) {
                        continue;
                    }
                    int t = authorTweets[authorStart[v] + r.nextInt(authorStart[v + 1] - authorStart[v])];
                    long at = Snowflake.timestampOf(tweetId[t])
                            + 1_000
                            + (long) (Rng.exponential(r) * 2 * MEAN_DELAY_MILLIS);
                    if (engaged.contains(t) || at >= end || !signalled.add(key(type, true, t))) {
                        continue;
                    }
                    csv.tweetSignal(u + 1L, tweetId[t], type, at);
                } else {
                    long at = start + (long) (r.nextDouble() * (end - start));
                    if (!signalled.add(key(type, false, v))) {
                        continue;
                    }
                    csv.userSignal(u + 1L, v + 1L, type, at);
                }
                written++;
            }
        }

        static long key(Rel type, boolean tweet, int target) {
            return ((long) type.ordinal() << 40) | (tweet ? 1L << 39 : 0) | target;
        }

        // ---- ground truth and config

        void writeCommunities() {
            int[] members = new int[communities];
            for (int c = 0; c < communities; c++) {
                members[c] = memberStart[c + 1] - memberStart[c];
            }
            try (CsvRowWriter w =
                    new CsvRowWriter(out.resolve(TRUTH_COMMUNITIES), "community,name,lang,share,members,topWords")) {
                for (int c = 0; c < communities; c++) {
                    StringBuilder top = new StringBuilder();
                    for (int i = 0; i < 10; i++) {
                        top.append(i == 0 ? "" : " ").append(vocabulary.top(c, i));
                    }
                    w.longField(c)
                            .textField(vocabulary.name(c))
                            .textField(communityLang[c])
                            .decimalField(communityShare[c], 4)
                            .longField(members[c])
                            .textField(top.toString())
                            .endRow();
                }
            }
        }

        void writeProperties(Map<String, Long> rows, Map<Rel, Long> engagements) {
            StringBuilder b = new StringBuilder();
            b.append("# Roost synthetic network: the config it was generated with and what it holds.\n");
            b.append("# The same config gives byte-identical files.\n");
            cfg.asMap().forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
            b.append("end=").append(java.time.Instant.ofEpochMilli(end)).append('\n');
            b.append("tweetIdWorker=").append(TWEET_ID_WORKER).append('\n');
            rows.forEach((file, count) ->
                    b.append("rows.").append(file).append('=').append(count).append('\n'));
            engagements.forEach((type, count) -> b.append("engagements.")
                    .append(type.name())
                    .append('=')
                    .append(count)
                    .append('\n'));
            try {
                Files.writeString(out.resolve(PROPERTIES), b.toString(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + out.resolve(PROPERTIES), e);
            }
        }
    }
}
