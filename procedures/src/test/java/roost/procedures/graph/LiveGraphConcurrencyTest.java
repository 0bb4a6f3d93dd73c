package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.neo4j.logging.NullLog;

/** One writer, many readers, no locks: readers never fail and always see a consistent snapshot. */
class LiveGraphConcurrencyTest {
    private static final long T0 = 1_341_360_000_000L;

    @Test
    void readersSeeConsistentSnapshotsWhileTheWriterApplies() throws Exception {
        LiveGraph live = LiveGraph.detached(
                new LiveGraph.Settings(
                        new EngagementGraph.Settings(Duration.ofHours(1), Duration.ofMinutes(10), 64),
                        Duration.ofMillis(5)),
                NullLog.getInstance());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong reads = new AtomicLong();
        List<Thread> readers = new ArrayList<>();
        for (int r = 0; r < 2; r++) {
            long seed = r;
            Thread t = new Thread(() -> {
                SplittableRandom rnd = new SplittableRandom(seed);
                try {
                    while (!stop.get()) {
                        EngagementSnapshot s = live.engagements();
                        EngagementCursor c = s.cursor();
                        long user = rnd.nextInt(50);
                        long degree = c.loadUser(user);
                        long seen = 0;
                        for (long k = 0; k < degree; k++) {
                            if (c.neighbour(k, EngagementTypes.ALL) != EngagementCursor.NONE) {
                                seen++;
                            }
                        }
                        long[] recent = {0, Long.MAX_VALUE};
                        c.recentEngagements(user, Integer.MAX_VALUE, EngagementTypes.ALL, (tw, a, type, time) -> {
                            // Newest first, inside the window.
                            if (time > recent[1] || time < s.cutoff()) {
                                throw new AssertionError("out of order or outside the window: " + time);
                            }
                            recent[1] = time;
                            recent[0]++;
                        });
                        if (recent[0] != seen) {
                            throw new AssertionError("one snapshot, two answers: " + recent[0] + " vs " + seen);
                        }
                        live.follows().followeeIds(user);
                        reads.incrementAndGet();
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            });
            t.start();
            readers.add(t);
        }
        SplittableRandom rnd = new SplittableRandom(9);
        long last = 0;
        for (int b = 0; b < 400; b++) {
            ChangeBatch batch = new ChangeBatch();
            for (int i = 0; i < 50; i++) {
                long time = T0 + (b * 50L + i) * 1000;
                batch.addEngagement(rnd.nextInt(50), rnd.nextInt(2000), 7, rnd.nextInt(EngagementTypes.count()), time);
                if (i % 10 == 0) {
                    batch.follow(rnd.nextInt(50), rnd.nextInt(50));
                }
            }
            if (b % 7 == 0) {
                batch.deleteEngagement(rnd.nextInt(50), rnd.nextInt(2000), 0, ChangeBatch.NO_TIME);
            }
            last = live.enqueue(batch);
        }
        assertThat(live.awaitPublished(last, Duration.ofSeconds(30))).isTrue();
        stop.set(true);
        for (Thread t : readers) {
            t.join();
        }
        live.close();
        assertThat(failure.get()).isNull();
        assertThat(reads.get()).isPositive();
        // 20,000 edges at one a second over 5.5 h, window 1 h: the last hour, less the few deleted.
        LiveGraph.Stats stats = live.stats();
        assertThat(stats.engagementEdges()).isBetween(3500L, 4300L);
        assertThat(stats.newestTime()).isEqualTo(T0 + 19_999_000L);
        assertThat(stats.batchesApplied()).isEqualTo(400);
    }
}
