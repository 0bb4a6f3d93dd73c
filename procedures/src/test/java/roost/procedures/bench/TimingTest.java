package roost.procedures.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TimingTest {
    private static final long[] USERS = {1, 2, 3, 4};

    @Test
    void withoutAMinimumTimeEachUserIsRequestedOncePerPhase() throws Exception {
        AtomicLong calls = new AtomicLong();
        Latency l = Timing.measure(USERS, 2, 2, Duration.ZERO, u -> calls.incrementAndGet());
        // 2 warm-up requests, one timed pass, one throughput pass.
        assertThat(calls.get()).isEqualTo(2 + 4 + 4);
        assertThat(l.requests()).isEqualTo(4);
        assertThat(l.throughput()).isPositive();
    }

    @Test
    void aMinimumTimeCyclesThroughTheUsersUntilItHasPassed() throws Exception {
        AtomicLong calls = new AtomicLong();
        long t0 = System.nanoTime();
        Latency l = Timing.measure(USERS, 0, 2, Duration.ofMillis(200), u -> {
            calls.incrementAndGet();
            sleep();
        });
        long elapsedMillis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(200);
        // Each request sleeps 2 ms: two threads for at least 200 ms make far more than one pass,
        // and each thread ends its passes over its two users.
        long throughputCalls = calls.get() - USERS.length;
        assertThat(throughputCalls).isGreaterThan(4 * USERS.length).isEven();
        // At most 500 requests/s per thread.
        assertThat(l.throughput()).isBetween(1.0, 1000.0);
    }

    private static void sleep() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
