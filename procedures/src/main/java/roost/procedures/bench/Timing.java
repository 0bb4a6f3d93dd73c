package roost.procedures.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/** Runs one request per user: timed one by one, then for throughput on several threads. */
public final class Timing {
    private Timing() {}

    /** Warms up on the first users, times each request, then measures throughput with {@code threads}. */
    public static Latency measure(long[] users, int warmup, int threads, LongConsumer request) throws Exception {
        return measure(users, warmup, threads, Duration.ZERO, request);
    }

    /**
     * As {@link #measure(long[], int, int, LongConsumer)}, with the throughput measured over at
     * least {@code minThroughputTime}: the threads go through the users again until it has passed
     * (each thread ends its pass over its share first). A short window swings with whatever else
     * the machine does; a few seconds hold still.
     */
    public static Latency measure(
            long[] users, int warmup, int threads, Duration minThroughputTime, LongConsumer request) throws Exception {
        return measure(users, warmup, threads, minThroughputTime, request, System::nanoTime);
    }

    /**
     * Warms a request up before it is timed: {@code users} in turn, again and again, until at least
     * {@code minTime} has passed (at least one pass). A count of warm-up calls says little about
     * the JIT: a short request needs tens of thousands of calls before its whole path is compiled,
     * a long one a few hundred; so the warm-up is measured in time, as JMH measures it. Returns the
     * requests made.
     */
    public static long warm(long[] users, Duration minTime, LongConsumer request) {
        return warm(users, minTime, request, System::nanoTime);
    }

    /** As above, with the clock given. */
    static long warm(long[] users, Duration minTime, LongConsumer request, LongSupplier clock) {
        long until = clock.getAsLong() + minTime.toNanos();
        long requests = 0;
        do {
            for (long user : users) {
                request.accept(user);
                requests++;
            }
        } while (clock.getAsLong() < until);
        return requests;
    }

    /** As above, with the clock given (tests use one that the requests advance). */
    static Latency measure(
            long[] users, int warmup, int threads, Duration minThroughputTime, LongConsumer request, LongSupplier clock)
            throws Exception {
        for (int i = 0; i < Math.min(warmup, users.length); i++) {
            request.accept(users[i]);
        }
        long[] nanos = new long[users.length];
        long[] cpu = new long[users.length];
        java.lang.management.ThreadMXBean threadsBean = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < users.length; i++) {
            long c = threadsBean.getCurrentThreadCpuTime();
            long t = clock.getAsLong();
            request.accept(users[i]);
            nanos[i] = clock.getAsLong() - t;
            cpu[i] = threadsBean.getCurrentThreadCpuTime() - c;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long t = clock.getAsLong();
            long until = t + minThroughputTime.toNanos();
            List<Future<Long>> done = new ArrayList<>();
            for (int th = 0; th < threads; th++) {
                int offset = th;
                done.add(pool.submit(() -> {
                    long requests = 0;
                    do {
                        for (int i = offset; i < users.length; i += threads) {
                            request.accept(users[i]);
                            requests++;
                        }
                    } while (clock.getAsLong() < until);
                    return requests;
                }));
            }
            long requests = 0;
            for (Future<Long> f : done) {
                requests += f.get();
            }
            double seconds = (clock.getAsLong() - t) / 1e9;
            return Latency.of(nanos, cpu, requests / seconds, threads);
        } finally {
            pool.shutdownNow();
        }
    }
}
