package roost.retrieval.earlybird;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InNetworkRetrieverTest {
    static final long HOUR = 3_600_000L;
    static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    TweetIndex index;

    @BeforeEach
    void fill() {
        index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT);
        SplittableRandom r = new SplittableRandom(7);
        long id = 1;
        // 20 authors x 100 tweets over the last 100 hours; several flushes make several segments.
        for (int h = 0; h < 100; h++) {
            for (long author = 1; author <= 20; author++) {
                long[] counts = new long[Engagement.size()];
                counts[Engagement.FAVORITE.ordinal()] = r.nextInt(50);
                index.upsert(new TweetDoc(
                        id++,
                        author,
                        NOW - h * HOUR - r.nextInt(1000),
                        "tweet " + id,
                        author % 2 == 0 ? "en" : "fr",
                        null,
                        null,
                        null,
                        null,
                        false,
                        false,
                        false,
                        counts,
                        40_000L * author));
            }
            if (h % 25 == 24) {
                index.commit(java.util.Map.of());
            }
        }
        index.refresh();
    }

    @AfterEach
    void close() {
        index.close();
    }

    private InNetworkRetriever.Request request(long[] authors, long sinceHours, int limit, int cap, Set<Long> seen) {
        return new InNetworkRetriever.Request(
                authors, null, seen::contains, NOW, NOW - sinceHours * HOUR, "en", limit, cap);
    }

    @Test
    void returnsOnlyFollowedAuthorsInsideTheWindowBestFirstWithoutSeenTweets() {
        long[] authors = {2, 3, 5};
        Set<Long> seen = new HashSet<>();
        InNetworkRetriever.Result all = new InNetworkRetriever(index)
                .retrieve(request(authors, 24, 1000, 100_000, seen), LightRanker.fallback());
        // 3 authors x 24 or 25 hourly tweets whose time is >= now - 24 h
        assertThat(all.hits()).hasSizeBetween(72, 75);
        assertThat(all.earlyTerminated()).isFalse();
        seen.add(all.hits().get(0).tweetId());
        seen.add(all.hits().get(1).tweetId());
        InNetworkRetriever.Result r =
                new InNetworkRetriever(index).retrieve(request(authors, 24, 10, 100_000, seen), LightRanker.fallback());
        assertThat(r.hits()).hasSize(10);
        assertThat(r.excluded()).isEqualTo(2);
        assertThat(r.hits())
                .allSatisfy(h -> {
                    assertThat(h.authorId()).isIn(2L, 3L, 5L);
                    assertThat(h.createdAt()).isGreaterThanOrEqualTo(NOW - 24 * HOUR);
                    assertThat(seen).doesNotContain(h.tweetId());
                    assertThat(h.score()).isBetween(0.0, 1.0);
                })
                .extracting(InNetworkRetriever.Hit::score)
                .isSortedAccordingTo((a, b) -> Double.compare(b, a));
        // The top 10 are exactly the 10 best of the full set once the seen ones are removed.
        List<Long> expected = all.hits().stream()
                .map(InNetworkRetriever.Hit::tweetId)
                .filter(t -> !seen.contains(t))
                .limit(10)
                .toList();
        assertThat(r.hits()).extracting(InNetworkRetriever.Hit::tweetId).containsExactlyElementsOf(expected);
    }

    @Test
    void stopsEachSegmentAfterTheCapAndSaysSo() {
        long[] authors = {1, 2, 3, 4, 5, 6, 7, 8};
        InNetworkRetriever.Result r = new InNetworkRetriever(index)
                .retrieve(request(authors, 100, 600, 10, Set.of()), LightRanker.fallback());
        assertThat(r.earlyTerminated()).isTrue();
        assertThat(r.segmentsTerminated()).isPositive();
        assertThat(r.examined()).isLessThanOrEqualTo(10L * r.segments());
        assertThat(r.hits()).hasSize((int) r.examined());
    }

    @Test
    void newestTweetsComeFirstWithinASegmentSoTheCapKeepsTheNewest() {
        index.forceMerge(1);
        index.refresh();
        InNetworkRetriever.Result r = new InNetworkRetriever(index)
                .retrieve(request(new long[] {4}, 100, 600, 5, Set.of()), LightRanker.fallback());
        assertThat(r.segments()).isEqualTo(1);
        assertThat(r.hits())
                .hasSize(5)
                .allSatisfy(h -> assertThat(h.createdAt()).isGreaterThan(NOW - 5 * HOUR));
    }

    @Test
    void interactionStrengthRaisesAnAuthorsTweets() {
        long[] authors = {2, 4};
        InNetworkRetriever.Request req = new InNetworkRetriever.Request(
                authors, new double[] {0, 1}, null, NOW, NOW - 24 * HOUR, "en", 10, 100_000);
        InNetworkRetriever.Result r = new InNetworkRetriever(index).retrieve(req, LightRanker.fallback());
        assertThat(r.hits())
                .hasSize(10)
                .allSatisfy(h -> assertThat(h.authorId()).isEqualTo(4L));
    }
}
