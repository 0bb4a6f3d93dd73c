package roost.procedures.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** The live graph's own byte counts agree with a walk of the actual object graph. */
class MemoryAccountingTest {
    @Test
    void engagementGraphBytesMatchTheHeap() {
        EngagementGraph g =
                new EngagementGraph(new EngagementGraph.Settings(Duration.ofHours(48), Duration.ofHours(4), 1024));
        SplittableRandom rnd = new SplittableRandom(1);
        long t0 = 1_341_360_000_000L;
        for (int i = 0; i < 200_000; i++) {
            // Skewed: a few users and tweets get most edges.
            long user = (long) Math.pow(rnd.nextDouble(), 3) * 20_000;
            long tweet = (long) (Math.pow(rnd.nextDouble(), 2) * 60_000);
            g.add(user, tweet, tweet % 5000, rnd.nextInt(EngagementTypes.count()), t0 + i * 500L);
            if (i % 10_000 == 0) {
                g.publish();
            }
        }
        g.publish();
        EngagementSnapshot s = g.snapshot();
        long measured = GraphLayout.parseInstance((Object[]) s.segments).totalSize();
        assertThat(s.segmentCount()).isGreaterThan(1);
        // Own accounting within 2% of what the JVM holds.
        assertThat((double) s.bytes()).isCloseTo(measured, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void followGraphBytesMatchTheHeap() {
        FollowGraph g = new FollowGraph();
        SplittableRandom rnd = new SplittableRandom(2);
        int n = 100_000;
        long[] a = new long[n];
        long[] b = new long[n];
        for (int i = 0; i < n; i++) {
            a[i] = rnd.nextInt(10_000);
            b[i] = (long) (Math.pow(rnd.nextDouble(), 3) * 10_000);
        }
        g.load(a, b, n);
        FollowSnapshot s = g.snapshot();
        long measured = GraphLayout.parseInstance(s).totalSize();
        assertThat((double) s.bytes()).isCloseTo(measured, org.assertj.core.data.Percentage.withPercentage(2));
    }
}
