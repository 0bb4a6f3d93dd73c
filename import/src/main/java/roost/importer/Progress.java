package roost.importer;

/**
 * Where long-running work reports how far it got: one {@link Task} per file or phase, counted in
 * rows (lines) or another unit. Implementations must be cheap: callers step every few thousand rows.
 * Work reports from the thread that runs it; an implementation need not be thread-safe unless it is
 * shared between concurrent imports.
 */
public interface Progress {
    /** A task with a known total, or {@code total < 0} when the total is not known in advance. */
    Task start(String name, long total);

    /** One running task; close it when the work is done (or failed). */
    interface Task extends AutoCloseable {
        /** {@code n} more units done. */
        void step(long n);

        /** Sets the count of units done (for work that reports absolute positions, such as percentages). */
        void stepTo(long done);

        @Override
        void close();
    }

    /** Reports nothing. */
    static Progress silent() {
        return (name, total) -> SilentTask.INSTANCE;
    }

    /** The task of {@link #silent()}. */
    enum SilentTask implements Task {
        INSTANCE;

        @Override
        public void step(long n) {}

        @Override
        public void stepTo(long done) {}

        @Override
        public void close() {}
    }
}
