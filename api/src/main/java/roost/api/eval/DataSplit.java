package roost.api.eval;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import it.unimi.dsi.fastutil.longs.LongOpenHashSet;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import roost.importer.Progress;
import roost.importer.csv.CsvDirectory;
import roost.importer.csv.CsvWriter;
import roost.importer.csv.RowVisitor;
import roost.importer.generate.Generator;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;
import roost.model.Rel;
import roost.model.RoostException;

/**
 * Splits a generic-CSV data set at a time: every row before the split is written to a new
 * generic-CSV directory (the state the methods see), the engagements after it are the targets.
 * Reading the directory once also builds what the baselines and the metrics need in memory
 * (primitive maps: about 40 bytes per tweet, follow and engagement).
 *
 * <p>Rows kept: users created before the split; tweets, follows, engagements and negative signals
 * created before it whose users and tweets are kept. A target is an engagement of a type in
 * {@code targetTypes} with {@code split <= createdAt < horizonEnd}.
 */
public final class DataSplit {
    private final long split;
    private final long horizonEnd;
    private final long windowStart;
    private final Set<Rel> targetTypes;

    final LongOpenHashSet users = new LongOpenHashSet();
    final Long2LongOpenHashMap tweetAuthor = new Long2LongOpenHashMap();
    final Long2LongOpenHashMap tweetCreated = new Long2LongOpenHashMap();
    /** Tweets created before the split, per author (sorted newest first by {@link #finish}). */
    final Long2ObjectOpenHashMap<LongArrayList> tweetsByAuthor = new Long2ObjectOpenHashMap<>();
    /** Tweets created in the window before the split. */
    final LongArrayList windowTweets = new LongArrayList();
    /** Engagements received in the window before the split, per tweet. */
    final Long2IntOpenHashMap windowEngagements = new Long2IntOpenHashMap();

    final Long2ObjectOpenHashMap<LongOpenHashSet> followees = new Long2ObjectOpenHashMap<>();
    final Long2IntOpenHashMap followers = new Long2IntOpenHashMap();
    final Long2ObjectOpenHashMap<LongOpenHashSet> engagedBefore = new Long2ObjectOpenHashMap<>();
    private final Long2ObjectOpenHashMap<LongOpenHashSet> engagedAfter = new Long2ObjectOpenHashMap<>();

    /** Tweet-level targets: tweets that existed at the split, not the viewer's own, not engaged before. */
    final Long2ObjectOpenHashMap<LongOpenHashSet> targetTweets = new Long2ObjectOpenHashMap<>();
    /** Author-level targets: authors (not the viewer) of any tweet the viewer engaged with after the split. */
    final Long2ObjectOpenHashMap<LongOpenHashSet> targetAuthors = new Long2ObjectOpenHashMap<>();

    /** Ground truth of a generated network, when its files are present (else empty). */
    final Long2IntOpenHashMap tweetCommunity = new Long2IntOpenHashMap();

    final Long2ObjectOpenHashMap<double[]> userInterests = new Long2ObjectOpenHashMap<>();
    int communities;

    long rowsBefore;
    long targetEngagements;
    long engagementsAfterHorizon;
    long firstEngagement = Long.MAX_VALUE;
    long lastEngagement = Long.MIN_VALUE;

    private DataSplit(long split, long horizonEnd, long window, Set<Rel> targetTypes) {
        this.split = split;
        this.horizonEnd = horizonEnd;
        this.windowStart = split - window;
        this.targetTypes = targetTypes.isEmpty() ? EnumSet.noneOf(Rel.class) : EnumSet.copyOf(targetTypes);
        tweetAuthor.defaultReturnValue(Long.MIN_VALUE);
        tweetCommunity.defaultReturnValue(-1);
    }

    /**
     * Reads {@code data}, writes the part before {@code split} to {@code beforeDir} and returns the
     * index of the whole data set.
     *
     * @throws RoostException.InvalidArgument when no engagement falls on both sides of the split
     */
    public static DataSplit split(
            Path data,
            Path beforeDir,
            long split,
            long horizonEnd,
            long windowMillis,
            Set<Rel> targetTypes,
            Progress progress) {
        DataSplit s = new DataSplit(split, horizonEnd, windowMillis, targetTypes);
        try (CsvWriter writer = new CsvWriter(beforeDir)) {
            new CsvDirectory(data).read(s.new Splitter(writer), progress, "split", null);
        }
        s.readTruth(data);
        s.finish();
        return s;
    }

    public long split() {
        return split;
    }

    public long horizonEnd() {
        return horizonEnd;
    }

    public long windowStart() {
        return windowStart;
    }

    public boolean hasCommunities() {
        return !tweetCommunity.isEmpty();
    }

    public boolean hasInterests() {
        return !userInterests.isEmpty();
    }

    /** Users active before the split (at least one engagement) and after it (at least one author-level target). */
    public LongArrayList eligibleViewers() {
        return eligibleViewers(false);
    }

    /** The eligible viewers; with {@code onlyFollowing}, only those who followed at least one account at the split. */
    public LongArrayList eligibleViewers(boolean onlyFollowing) {
        LongArrayList out = new LongArrayList();
        for (long u : targetAuthors.keySet()) {
            if (users.contains(u) && engagedBefore.containsKey(u) && (!onlyFollowing || followees.containsKey(u))) {
                out.add(u);
            }
        }
        out.sort(null);
        return out;
    }

    public boolean follows(long viewer, long author) {
        LongOpenHashSet f = followees.get(viewer);
        return f != null && f.contains(author);
    }

    /** Whether a method may show this tweet to this viewer at all: not the viewer's own, not engaged before. */
    boolean showable(long viewer, long tweet) {
        if (tweetAuthor.get(tweet) == viewer) {
            return false;
        }
        LongOpenHashSet seen = engagedBefore.get(viewer);
        return seen == null || !seen.contains(tweet);
    }

    private final class Splitter implements RowVisitor {
        private final CsvWriter out;

        Splitter(CsvWriter out) {
            this.out = out;
        }

        @Override
        public void user(User user) {
            if (user.createdAt() < split) {
                users.add(user.id());
                out.user(user);
                rowsBefore++;
            }
        }

        @Override
        public void tweet(Tweet t) {
            tweetAuthor.put(t.id(), t.authorId());
            tweetCreated.put(t.id(), t.createdAt());
            if (t.createdAt() < split && users.contains(t.authorId())) {
                out.tweet(t);
                rowsBefore++;
                tweetsByAuthor
                        .computeIfAbsent(t.authorId(), a -> new LongArrayList())
                        .add(t.id());
                if (t.createdAt() >= windowStart) {
                    windowTweets.add(t.id());
                }
            }
        }

        @Override
        public void follow(Follow f) {
            if (f.createdAt() < split && users.contains(f.followerId()) && users.contains(f.followeeId())) {
                out.follow(f);
                rowsBefore++;
                followees
                        .computeIfAbsent(f.followerId(), u -> new LongOpenHashSet())
                        .add(f.followeeId());
                followers.addTo(f.followeeId(), 1);
            }
        }

        @Override
        public void engagement(Engagement e) {
            firstEngagement = Math.min(firstEngagement, e.createdAt());
            lastEngagement = Math.max(lastEngagement, e.createdAt());
            if (e.createdAt() < split) {
                if (users.contains(e.userId()) && tweetCreated.get(e.tweetId()) < split) {
                    out.engagement(e);
                    rowsBefore++;
                    engagedBefore
                            .computeIfAbsent(e.userId(), u -> new LongOpenHashSet())
                            .add(e.tweetId());
                    if (e.createdAt() >= windowStart) {
                        windowEngagements.addTo(e.tweetId(), 1);
                    }
                }
            } else if (e.createdAt() >= horizonEnd) {
                engagementsAfterHorizon++;
            } else if (targetTypes.contains(e.type())) {
                targetEngagements++;
                engagedAfter
                        .computeIfAbsent(e.userId(), u -> new LongOpenHashSet())
                        .add(e.tweetId());
            }
        }

        @Override
        public void signal(Signal s) {
            if (s.createdAt() >= split || !users.contains(s.userId())) {
                return;
            }
            boolean targetKept = s.targetIsTweet()
                    ? tweetCreated.containsKey(s.targetId()) && tweetCreated.get(s.targetId()) < split
                    : users.contains(s.targetId());
            if (targetKept) {
                out.signal(s);
                rowsBefore++;
            }
        }
    }

    private void finish() {
        for (var e : engagedAfter.long2ObjectEntrySet()) {
            long viewer = e.getLongKey();
            LongOpenHashSet seen = engagedBefore.get(viewer);
            for (long t : e.getValue()) {
                long author = tweetAuthor.get(t);
                if (author == viewer || author == Long.MIN_VALUE) {
                    continue;
                }
                targetAuthors
                        .computeIfAbsent(viewer, u -> new LongOpenHashSet())
                        .add(author);
                if (tweetCreated.get(t) < split && (seen == null || !seen.contains(t))) {
                    targetTweets
                            .computeIfAbsent(viewer, u -> new LongOpenHashSet())
                            .add(t);
                }
            }
        }
        engagedAfter.clear();
        for (LongArrayList list : tweetsByAuthor.values()) {
            list.sort((a, b) -> {
                int c = Long.compare(tweetCreated.get(b), tweetCreated.get(a));
                return c != 0 ? c : Long.compare(b, a);
            });
        }
    }

    /** The planted communities of a generated network: tweet communities and user interests. */
    private void readTruth(Path data) {
        Path tweets = data.resolve(Generator.TRUTH_TWEET_COMMUNITIES);
        Path interests = data.resolve(Generator.TRUTH_USER_INTERESTS);
        if (!Files.isRegularFile(tweets)) {
            return;
        }
        int max = -1;
        for (long[] row : numericRows(tweets)) {
            tweetCommunity.put(row[0], (int) row[1]);
            max = Math.max(max, (int) row[1]);
        }
        communities = max + 1;
        if (!Files.isRegularFile(interests)) {
            return;
        }
        try (BufferedReader in = Files.newBufferedReader(interests, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                int c = Integer.parseInt(f[1]);
                if (c >= communities) {
                    continue;
                }
                userInterests.computeIfAbsent(Long.parseLong(f[0]), u -> new double[communities])[c] =
                        Double.parseDouble(f[2]);
            }
        } catch (IOException | RuntimeException e) {
            throw new RoostException.InvalidArgument("cannot read " + interests + ": " + e.getMessage());
        }
    }

    private static Iterable<long[]> numericRows(Path file) {
        java.util.List<long[]> rows = new java.util.ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",");
                rows.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        } catch (RuntimeException e) {
            throw new RoostException.InvalidArgument("cannot read " + file + ": " + e.getMessage());
        }
        return rows;
    }
}
