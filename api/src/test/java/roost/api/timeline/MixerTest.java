package roost.api.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MixerTest {
    private static final long NOW = 1_700_000_000_000L;
    private static final long HOUR = 3_600_000L;
    private static final long VIEWER = 1;
    // The viewer follows 10 and 11, hides 20.
    private static final Viewer V = new Viewer(VIEWER, Set.of(10L, 11L), Set.of(20L), NOW);
    private static final MixOptions NO_HEURISTICS =
            MixOptions.DEFAULTS.withOutOfNetworkScale(1).withDiversityFloor(1).withInNetworkShare(0.5);

    private final Map<Long, TweetInfo> tweets = new HashMap<>();

    private Candidate tweet(long id, long author, long ageHours, String source, double score, Long... proof) {
        tweets.put(id, new TweetInfo(id, author, "t" + id, NOW - ageHours * HOUR, false, false));
        return new Candidate(id, author, source, score, List.of(proof));
    }

    private Mixer.Result mix(Map<String, List<Candidate>> bySource, MixOptions options, int limit) {
        return Mixer.mix(V, bySource, tweets, options, limit);
    }

    private static List<String> ids(Mixer.Result r) {
        return r.items().stream().map(TimelineItem::tweetId).toList();
    }

    @Test
    void dropsOwnTweetsHiddenAuthorsAndOutOfNetworkWithoutSocialProof() {
        Map<String, List<Candidate>> in = new LinkedHashMap<>();
        in.put("in-network", List.of(tweet(1, 10, 1, "in-network", 1)));
        in.put(
                "salsa",
                List.of(
                        tweet(2, VIEWER, 1, "salsa", 1, 10L),
                        tweet(3, 20, 1, "salsa", 1, 10L),
                        tweet(4, 30, 1, "salsa", 1),
                        tweet(5, 31, 1, "salsa", 1, 11L),
                        new Candidate(6, 32, "salsa", 1, List.of(10L)))); // not hydrated: deleted
        Mixer.Result r = mix(in, MixOptions.DEFAULTS, 10);
        assertThat(ids(r)).containsExactlyInAnyOrder("1", "5");
        assertThat(r.dropped())
                .containsEntry("own-tweet", 1)
                .containsEntry("hidden-author", 1)
                .containsEntry("no-social-proof", 1)
                .containsEntry("missing", 1);
        assertThat(r.candidates()).isEqualTo(6);

        Mixer.Result lenient = mix(in, MixOptions.DEFAULTS.withRequireSocialProof(false), 10);
        assertThat(ids(lenient)).containsExactlyInAnyOrder("1", "4", "5");
    }

    @Test
    void aFolloweeFollowingTheAuthorIsSocialProofToo() {
        Map<String, List<Candidate>> in =
                Map.of("salsa", List.of(tweet(4, 30, 1, "salsa", 1), tweet(7, 33, 1, "salsa", 1)));
        Mixer.Result r = Mixer.mix(V, in, tweets, Map.of(30L, List.of(11L)), MixOptions.DEFAULTS, 10);
        assertThat(ids(r)).containsExactly("4");
        assertThat(r.items().get(0).explanation()).contains("its author is followed by 1 account(s) you follow");
        assertThat(r.dropped()).containsEntry("no-social-proof", 1);
    }

    @Test
    void dropsTweetsTheViewerAlreadyEngagedWith() {
        Viewer seen = new Viewer(VIEWER, Set.of(10L), Set.of(), Set.of(2L), NOW);
        Map<String, List<Candidate>> in =
                Map.of("in-network", List.of(tweet(1, 10, 1, "in-network", 1), tweet(2, 10, 2, "in-network", 1)));
        Mixer.Result r = Mixer.mix(seen, in, tweets, MixOptions.DEFAULTS, 10);
        assertThat(ids(r)).containsExactly("1");
        assertThat(r.dropped()).containsEntry("seen", 1);
    }

    @Test
    void aTweetSeveralSourcesAgreeOnOutranksOneSourceAlone() {
        Map<String, List<Candidate>> in = new LinkedHashMap<>();
        in.put("engaged-by-followings", List.of(tweet(1, 30, 2, "engaged-by-followings", 4, 10L)));
        in.put("salsa", List.of(tweet(2, 31, 2, "salsa", 0.5, 10L), tweet(1, 30, 2, "salsa", 0.25, 11L)));
        Mixer.Result r = mix(in, NO_HEURISTICS.withInNetworkShare(0), 10);
        assertThat(ids(r)).containsExactly("1", "2");
        TimelineItem first = r.items().get(0);
        // 1 (its source's best) + 0.5 (half of salsa's best), times recency at 2 h of 24 h half-life.
        assertThat(first.score()).isCloseTo(1.5 * Math.pow(0.5, 2 / 24.0), within(1e-9));
        assertThat(first.sources()).containsExactly("engaged-by-followings", "salsa");
        assertThat(first.source()).isEqualTo("engaged-by-followings");
        assertThat(first.socialProof()).containsExactly("10", "11");
        assertThat(first.inNetwork()).isFalse();
        assertThat(first.explanation()).anyMatch(s -> s.startsWith("recency x"));
    }

    @Test
    void newerTweetsRankHigherAndOutOfNetworkIsScaled() {
        Map<String, List<Candidate>> in = new LinkedHashMap<>();
        in.put("in-network", List.of(tweet(1, 10, 30, "in-network", 1), tweet(2, 11, 3, "in-network", 1)));
        in.put("salsa", List.of(tweet(3, 30, 3, "salsa", 1, 10L)));
        Mixer.Result r = mix(in, MixOptions.DEFAULTS.withInNetworkShare(1).withDiversityFloor(1), 10);
        assertThat(ids(r)).containsExactly("2", "1", "3");
        Mixer.Result balanced = mix(in, MixOptions.DEFAULTS.withInNetworkShare(0), 10);
        TimelineItem oon = balanced.items().get(0);
        assertThat(oon.tweetId()).isEqualTo("3");
        assertThat(oon.score()).isCloseTo(0.75 * Math.pow(0.5, 3 / 24.0), within(1e-9));
        assertThat(oon.explanation()).contains("out of network x0.75");
    }

    @Test
    void authorDiversityDampsAnAuthorsLaterTweets() {
        Map<String, List<Candidate>> in = new LinkedHashMap<>();
        in.put(
                "in-network",
                List.of(
                        tweet(1, 10, 0, "in-network", 1),
                        tweet(2, 10, 0, "in-network", 1),
                        tweet(3, 10, 0, "in-network", 1)));
        Mixer.Result r = mix(in, MixOptions.DEFAULTS.withInNetworkShare(1), 10);
        List<Double> scores = r.items().stream().map(TimelineItem::score).toList();
        // (1 - 0.25) * 0.5^i + 0.25: 1, 0.625, 0.4375
        assertThat(scores.get(0)).isCloseTo(1.0, within(1e-9));
        assertThat(scores.get(1)).isCloseTo(0.625, within(1e-9));
        assertThat(scores.get(2)).isCloseTo(0.4375, within(1e-9));
    }

    @Test
    void thePageKeepsTheInNetworkShare() {
        List<Candidate> inNetwork = new ArrayList<>();
        List<Candidate> outOfNetwork = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            inNetwork.add(tweet(100 + i, i % 2 == 0 ? 10 : 11, 1 + i, "in-network", 1));
            // Out-of-network tweets are newer: by score alone they would fill the page.
            outOfNetwork.add(tweet(200 + i, 40 + i, 0, "salsa", 1, 10L));
        }
        Map<String, List<Candidate>> in = new LinkedHashMap<>();
        in.put("in-network", inNetwork);
        in.put("salsa", outOfNetwork);
        for (double share : new double[] {0, 0.3, 0.5, 1}) {
            Mixer.Result r = mix(in, NO_HEURISTICS.withInNetworkShare(share), 10);
            long inCount = r.items().stream().filter(TimelineItem::inNetwork).count();
            assertThat(r.items()).hasSize(10);
            assertThat(inCount).as("share %s", share).isEqualTo(Math.round(share * 10));
        }
    }

    @Test
    void verifiedBoostIsOffByDefault() {
        tweets.put(1L, new TweetInfo(1, 10, "a", NOW, false, true));
        tweets.put(2L, new TweetInfo(2, 11, "b", NOW - HOUR, false, false));
        Map<String, List<Candidate>> in = Map.of(
                "in-network",
                List.of(
                        new Candidate(2, 11, "in-network", 1, List.of()),
                        new Candidate(1, 10, "in-network", 1, List.of())));
        assertThat(mix(in, MixOptions.DEFAULTS, 10).items().get(0).score()).isCloseTo(1.0, within(1e-9));
        assertThat(mix(in, MixOptions.DEFAULTS.withVerifiedBoost(true), 10)
                        .items()
                        .get(0)
                        .score())
                .isCloseTo(4.0, within(1e-9));
    }
}
