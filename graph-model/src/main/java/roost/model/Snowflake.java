package roost.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * 64-bit time-ordered ids in the Snowflake layout: 41 bits of milliseconds since {@link #EPOCH},
 * 10 bits of worker id, 12 bits of sequence. Id order is creation-time order, so "newest first"
 * is "largest id first".
 *
 * <p>Thread-safe and lock-free. When more than 4,096 ids are asked for in one millisecond, or
 * the clock steps back, the generator borrows from the next millisecond rather than repeat an id.
 */
public final class Snowflake {
    /** 2010-11-04T01:42:54.657Z, the original epoch. */
    public static final long EPOCH = 1288834974657L;

    public static final int WORKER_BITS = 10;
    public static final int SEQUENCE_BITS = 12;
    public static final long MAX_WORKER = (1L << WORKER_BITS) - 1;
    private static final long SEQUENCE_MASK = (1L << SEQUENCE_BITS) - 1;
    private static final int TIME_SHIFT = WORKER_BITS + SEQUENCE_BITS;

    private final long worker;
    /** Last issued (millis since epoch << SEQUENCE_BITS | sequence). */
    private final AtomicLong last = new AtomicLong(-1);

    public Snowflake(long worker) {
        if (worker < 0 || worker > MAX_WORKER) {
            throw new IllegalArgumentException("worker must be in [0, " + MAX_WORKER + "], was " + worker);
        }
        this.worker = worker;
    }

    /** A new id for an event at {@code epochMillis} (which must not be before {@link #EPOCH}). */
    public long next(long epochMillis) {
        long millis = epochMillis - EPOCH;
        if (millis < 0) {
            throw new IllegalArgumentException("time " + epochMillis + " is before the Snowflake epoch " + EPOCH);
        }
        long wanted = millis << SEQUENCE_BITS;
        long slot = last.updateAndGet(prev -> Math.max(prev + 1, wanted));
        return compose(slot >>> SEQUENCE_BITS, worker, slot & SEQUENCE_MASK);
    }

    /** A new id for now. */
    public long next() {
        return next(System.currentTimeMillis());
    }

    /** The id made of these parts; no state involved. */
    public static long compose(long millisSinceEpoch, long worker, long sequence) {
        return (millisSinceEpoch << TIME_SHIFT) | (worker << SEQUENCE_BITS) | sequence;
    }

    /** Creation time of an id, in epoch milliseconds. */
    public static long timestampOf(long id) {
        return (id >>> TIME_SHIFT) + EPOCH;
    }

    public static long workerOf(long id) {
        return (id >>> SEQUENCE_BITS) & MAX_WORKER;
    }

    public static long sequenceOf(long id) {
        return id & SEQUENCE_MASK;
    }

    /** The smallest id that any event at or after {@code epochMillis} can have: for range scans. */
    public static long lowerBound(long epochMillis) {
        return compose(Math.max(0, epochMillis - EPOCH), 0, 0);
    }
}
