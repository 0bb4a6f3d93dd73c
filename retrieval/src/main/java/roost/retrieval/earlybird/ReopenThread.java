package roost.retrieval.earlybird;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.search.SearcherManager;

/**
 * Refreshes a {@link SearcherManager} in the background, as Lucene's
 * {@link ControlledRealTimeReopenThread} does: every {@code maxStale} when nobody waits, every
 * {@code minStale} while a caller waits for a write's sequence number ({@link #waitForGeneration}).
 * One addition: the periodic refresh can be {@linkplain #suspendPeriodic() suspended} (during a bulk load,
 * where every NRT refresh would flush the writer's buffers into a small segment that must be sorted
 * now and merged later); a caller that waits for its write is still served.
 *
 * <p>Thread-safe.
 */
final class ReopenThread extends Thread implements AutoCloseable {
    private final SearcherManager manager;
    private final IndexWriter writer;
    private final long maxStaleNs;
    private final long minStaleNs;
    private final ReentrantLock reopenLock = new ReentrantLock();
    private final Condition reopenCond = reopenLock.newCondition();
    private final ReferenceManager.RefreshListener listener = new ReferenceManager.RefreshListener() {
        @Override
        public void beforeRefresh() {}

        @Override
        public void afterRefresh(boolean didRefresh) {
            refreshDone();
        }
    };

    private volatile boolean finish;
    private volatile long waitingGen;
    private volatile long searchingGen;
    private volatile long refreshStartGen;
    private volatile int suspended;

    ReopenThread(IndexWriter writer, SearcherManager manager, long maxStaleNs, long minStaleNs) {
        if (maxStaleNs < minStaleNs) {
            throw new IllegalArgumentException("maxStale " + maxStaleNs + " < minStale " + minStaleNs);
        }
        this.writer = writer;
        this.manager = manager;
        this.maxStaleNs = maxStaleNs;
        this.minStaleNs = minStaleNs;
        manager.addListener(listener);
    }

    private synchronized void refreshDone() {
        searchingGen = refreshStartGen;
        notifyAll();
    }

    /** Stops the periodic refresh until {@link #resumePeriodic()} (nested calls count). */
    void suspendPeriodic() {
        reopenLock.lock();
        try {
            suspended++;
        } finally {
            reopenLock.unlock();
        }
    }

    /** Undoes one {@link #suspendPeriodic()}. */
    void resumePeriodic() {
        reopenLock.lock();
        try {
            if (suspended == 0) {
                throw new IllegalStateException("not suspended");
            }
            suspended--;
            reopenCond.signalAll();
        } finally {
            reopenLock.unlock();
        }
    }

    /**
     * Waits until the write with sequence number {@code targetGen} is searchable.
     *
     * @param maxMs longest wait; negative for no limit
     * @return false on timeout
     */
    synchronized boolean waitForGeneration(long targetGen, int maxMs) throws InterruptedException {
        if (targetGen > writer.getMaxCompletedSequenceNumber()) {
            throw new IllegalArgumentException("sequence number " + targetGen + " has not been issued");
        }
        if (targetGen <= searchingGen) {
            return true;
        }
        reopenLock.lock();
        try {
            waitingGen = Math.max(waitingGen, targetGen);
            reopenCond.signalAll();
        } finally {
            reopenLock.unlock();
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMs);
        while (targetGen > searchingGen) {
            if (finish) {
                return false;
            }
            if (maxMs < 0) {
                wait();
            } else {
                long leftMs = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (leftMs <= 0) {
                    return false;
                }
                wait(leftMs);
            }
        }
        return true;
    }

    @Override
    public void run() {
        long lastReopenStart = System.nanoTime();
        while (!finish) {
            reopenLock.lock();
            try {
                while (!finish) {
                    boolean waiting = waitingGen > searchingGen;
                    if (!waiting && suspended > 0) {
                        reopenCond.awaitNanos(maxStaleNs);
                        continue;
                    }
                    long sleep = lastReopenStart + (waiting ? minStaleNs : maxStaleNs) - System.nanoTime();
                    if (sleep <= 0) {
                        break;
                    }
                    reopenCond.awaitNanos(sleep);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                reopenLock.unlock();
            }
            if (finish) {
                break;
            }
            lastReopenStart = System.nanoTime();
            // Everything completed before the refresh starts is visible after it.
            refreshStartGen = writer.getMaxCompletedSequenceNumber();
            try {
                manager.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        finish = true;
        manager.removeListener(listener);
        reopenLock.lock();
        try {
            reopenCond.signalAll();
        } finally {
            reopenLock.unlock();
        }
        try {
            join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            notifyAll();
        }
    }
}
