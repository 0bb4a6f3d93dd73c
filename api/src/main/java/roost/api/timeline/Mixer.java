package roost.api.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Blends candidates from several sources into one ranked, filtered and explained page. Pure: no
 * database, so every rule is tested on hand-built candidates.
 *
 * <p>Steps: merge candidates of the same tweet (a tweet found by several sources sums their
 * normalised scores); drop the viewer's own tweets, hidden authors, tweets the viewer already
 * engaged with (seen), and out-of-network tweets without social proof (no followee engaged with
 * it, and none follows its author); score = sum over sources of (source score / the source's best score),
 * times recency (half-life in data time), out-of-network and reply factors, the optional verified
 * boost; author diversity; then the page is filled keeping the in-network share near its target.
 * Every item says why it is there.
 */
public final class Mixer {
    private static final int MAX_SOCIAL_PROOF = 10;

    private Mixer() {}

    /** The page, and how many candidates each filter dropped. */
    public record Result(List<TimelineItem> items, Map<String, Integer> dropped, int candidates) {}

    /**
     * @param bySource each source's candidates, best first
     * @param tweets hydrated tweets; a candidate missing here no longer exists and is dropped
     */
    public static Result mix(
            Viewer viewer,
            Map<String, List<Candidate>> bySource,
            Map<Long, TweetInfo> tweets,
            MixOptions options,
            int limit) {
        return mix(viewer, bySource, tweets, Map.of(), options, limit);
    }

    /**
     * @param authorProof for authors of out-of-network candidates, accounts the viewer follows who
     *     follow them: the other kind of social proof
     */
    public static Result mix(
            Viewer viewer,
            Map<String, List<Candidate>> bySource,
            Map<Long, TweetInfo> tweets,
            Map<Long, List<Long>> authorProof,
            MixOptions options,
            int limit) {
        Map<Long, Merged> merged = new LinkedHashMap<>();
        for (var entry : bySource.entrySet()) {
            double best = entry.getValue().stream()
                    .mapToDouble(Candidate::sourceScore)
                    .max()
                    .orElse(0);
            for (Candidate c : entry.getValue()) {
                double normalised = best > 0 ? c.sourceScore() / best : 0;
                merged.computeIfAbsent(c.tweetId(), Merged::new).add(entry.getKey(), normalised, c.socialProof());
            }
        }

        Map<String, Integer> dropped = new LinkedHashMap<>();
        List<Merged> kept = new ArrayList<>();
        for (Merged m : merged.values()) {
            TweetInfo t = tweets.get(m.tweetId);
            String reason = null;
            if (t == null) {
                reason = "missing";
            } else if (t.authorId() == viewer.id()) {
                reason = "own-tweet";
            } else if (viewer.hiddenAuthors().contains(t.authorId())) {
                reason = "hidden-author";
            } else if (viewer.seenTweets().contains(t.tweetId())) {
                reason = "seen";
            } else {
                m.tweet = t;
                m.inNetwork = viewer.followees().contains(t.authorId());
                m.followedBy = authorProof.getOrDefault(t.authorId(), List.of());
                if (!m.inNetwork && options.requireSocialProof() && m.socialProof.isEmpty() && m.followedBy.isEmpty()) {
                    reason = "no-social-proof";
                }
            }
            if (reason != null) {
                dropped.merge(reason, 1, Integer::sum);
            } else {
                m.score(viewer, options);
                kept.add(m);
            }
        }

        // Author diversity: within each author, by score, the i-th item is damped.
        kept.sort(Comparator.comparingDouble((Merged m) -> -m.score).thenComparingLong(m -> -m.tweetId));
        Map<Long, Integer> perAuthor = new HashMap<>();
        for (Merged m : kept) {
            int i = perAuthor.merge(m.tweet.authorId(), 1, Integer::sum) - 1;
            if (i > 0) {
                double factor = (1 - options.diversityFloor()) * Math.pow(0.5, i) + options.diversityFloor();
                m.score *= factor;
                m.diversityIndex = i;
                m.diversityFactor = factor;
            }
        }
        kept.sort(Comparator.comparingDouble((Merged m) -> -m.score).thenComparingLong(m -> -m.tweetId));

        List<TimelineItem> page = balance(kept, options, limit);
        return new Result(page, dropped, merged.size());
    }

    /** Fills the page best first, taking from the side (in/out of network) that is below its share. */
    private static List<TimelineItem> balance(List<Merged> ranked, MixOptions options, int limit) {
        double inShare = options.inNetworkShare();
        List<Merged> in = ranked.stream().filter(m -> m.inNetwork).toList();
        List<Merged> out = ranked.stream().filter(m -> !m.inNetwork).toList();
        List<TimelineItem> page = new ArrayList<>(limit);
        int i = 0;
        int o = 0;
        while (page.size() < limit && (i < in.size() || o < out.size())) {
            boolean takeIn;
            if (i >= in.size()) {
                takeIn = false;
            } else if (o >= out.size()) {
                takeIn = true;
            } else {
                // The side whose item keeps the page's in-network share nearest the target; a tie goes to the better
                // score.
                int n = page.size() + 1;
                double ifIn = Math.abs((double) (i + 1) / n - inShare);
                double ifOut = Math.abs((double) i / n - inShare);
                takeIn = Math.abs(ifIn - ifOut) < 1e-9 ? in.get(i).score >= out.get(o).score : ifIn < ifOut;
            }
            page.add((takeIn ? in.get(i++) : out.get(o++)).item(options));
        }
        return page;
    }

    /** One tweet with what every source said of it. */
    private static final class Merged {
        final long tweetId;
        final Map<String, Double> bySource = new LinkedHashMap<>();
        final Set<Long> socialProof = new LinkedHashSet<>();
        TweetInfo tweet;
        double ageHours;
        double recency;
        int diversityIndex;
        double diversityFactor = 1;
        boolean inNetwork;
        List<Long> followedBy = List.of();
        double score;

        Merged(long tweetId) {
            this.tweetId = tweetId;
        }

        void add(String source, double normalised, List<Long> proof) {
            bySource.merge(source, normalised, Math::max);
            for (Long p : proof) {
                if (socialProof.size() < MAX_SOCIAL_PROOF) {
                    socialProof.add(p);
                }
            }
        }

        void score(Viewer viewer, MixOptions options) {
            double base = 0;
            for (double v : bySource.values()) {
                base += v;
            }
            ageHours = Math.max(0, viewer.nowMillis() - tweet.createdAt()) / 3_600_000.0;
            recency = Math.pow(0.5, ageHours / options.recencyHalfLifeHours());
            double s = base * recency;
            if (!inNetwork) {
                s *= options.outOfNetworkScale();
            }
            if (tweet.isReply()) {
                s *= options.replyScale();
            }
            if (options.verifiedBoost() && tweet.authorVerified()) {
                s *= inNetwork ? 4 : 2;
            }
            score = s;
        }

        /** The factors of the score, in the order applied; built for the page's items only. */
        private List<String> explain(MixOptions options) {
            List<String> reasons = new ArrayList<>();
            for (var e : bySource.entrySet()) {
                reasons.add(String.format(Locale.ROOT, "%s: %.3f of its best", e.getKey(), e.getValue()));
            }
            if (inNetwork) {
                reasons.add("you follow the author");
            }
            if (!socialProof.isEmpty()) {
                reasons.add(socialProof.size() + " account(s) you follow engaged with it");
            }
            if (!inNetwork && !followedBy.isEmpty()) {
                reasons.add("its author is followed by " + followedBy.size() + " account(s) you follow");
            }
            reasons.add(String.format(Locale.ROOT, "recency x%.3f (%.1f h old)", recency, ageHours));
            if (!inNetwork && options.outOfNetworkScale() != 1) {
                reasons.add(String.format(Locale.ROOT, "out of network x%.2f", options.outOfNetworkScale()));
            }
            if (tweet.isReply() && options.replyScale() != 1) {
                reasons.add(String.format(Locale.ROOT, "reply x%.2f", options.replyScale()));
            }
            if (options.verifiedBoost() && tweet.authorVerified()) {
                reasons.add(String.format(Locale.ROOT, "verified author x%.0f", inNetwork ? 4.0 : 2.0));
            }
            if (diversityIndex > 0) {
                reasons.add(String.format(
                        Locale.ROOT,
                        "author diversity x%.3f (item %d of this author)",
                        diversityFactor,
                        diversityIndex + 1));
            }
            return reasons;
        }

        TimelineItem item(MixOptions options) {
            List<String> sources = List.copyOf(bySource.keySet());
            String primary = bySource.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse("unknown");
            return new TimelineItem(
                    String.valueOf(tweetId),
                    String.valueOf(tweet.authorId()),
                    tweet.text(),
                    Instant.ofEpochMilli(tweet.createdAt()).toString(),
                    score,
                    primary,
                    inNetwork,
                    sources,
                    socialProof.stream().map(String::valueOf).toList(),
                    explain(options));
        }
    }
}
