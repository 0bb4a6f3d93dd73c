package roost.procedures.communities;

/** Progress of a community batch, stage by stage (the CLI draws it as progress bars). */
public interface BatchProgress {
    BatchProgress NONE = (name, total) -> new Stage() {
        @Override
        public void step(long n) {}

        @Override
        public void close() {}
    };

    /** A stage with {@code total} units of work ({@code < 0}: unknown). */
    Stage start(String name, long total);

    interface Stage extends AutoCloseable {
        void step(long n);

        @Override
        void close();
    }
}
