package roost.api.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import roost.api.config.RoostConfig;
import roost.api.config.Setting;
import roost.api.db.DataLoading;
import roost.api.db.EmbeddedNeo4j;
import roost.importer.Progress;

/**
 * Imports one CSV directory into a fresh database per load path, in one run, so that the paths
 * compare side by side. A path that runs past its time budget is stopped; what it committed by
 * then is counted, so its rate is still a measurement.
 */
public final class ImportBenchmark {
    /** One path's outcome. {@code completed} is false when the time budget stopped it. */
    public record Row(DataLoading.Mode mode, long nodes, long relationships, double seconds, boolean completed) {
        public double relationshipsPerSecond() {
            return relationships / seconds;
        }

        /** Nodes and relationships per second: fair to a path stopped at the budget, which writes nodes first. */
        public double entitiesPerSecond() {
            return (nodes + relationships) / seconds;
        }
    }

    private final RoostConfig base;
    private final Path workDir;
    private final Progress progress;

    public ImportBenchmark(RoostConfig base, Path workDir, Progress progress) {
        this.base = base;
        this.workDir = workDir;
        this.progress = progress;
    }

    public List<Row> run(Path csvDir, List<DataLoading.Mode> modes, long budgetSeconds) {
        List<Row> rows = new ArrayList<>();
        for (DataLoading.Mode mode : modes) {
            Path dataDir = workDir.resolve("db-" + mode);
            deleteRecursively(dataDir);
            RoostConfig config = base.with(Setting.DATA_DIR, dataDir.toString());
            long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
            long t0 = System.nanoTime();
            boolean completed = true;
            try {
                DataLoading.load(config, csvDir, mode, new Budgeted(progress, deadline));
            } catch (Budgeted.OutOfTime e) {
                completed = false;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            Map<String, Long> counts = count(config);
            rows.add(new Row(mode, counts.get("nodes"), counts.get("relationships"), seconds, completed));
            deleteRecursively(dataDir);
        }
        return rows;
    }

    private static Map<String, Long> count(RoostConfig config) {
        try (EmbeddedNeo4j neo4j = EmbeddedNeo4j.openOffline(config)) {
            return neo4j.db()
                    .executeTransactionally(
                            "CALL { MATCH (n) RETURN count(n) AS nodes } CALL { MATCH ()-[r]->() RETURN count(r) AS relationships }"
                                    + " RETURN nodes, relationships",
                            Map.of(),
                            r -> {
                                Map<String, Object> row = r.next();
                                return Map.of(
                                        "nodes", ((Number) row.get("nodes")).longValue(),
                                        "relationships", ((Number) row.get("relationships")).longValue());
                            });
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Passes progress on, and stops the work (by throwing from a step) once the deadline has passed. */
    private record Budgeted(Progress inner, long deadlineNanos) implements Progress {
        static final class OutOfTime extends RuntimeException {
            OutOfTime() {
                super("time budget exhausted", null, false, false);
            }
        }

        @Override
        public Task start(String name, long total) {
            Task task = inner.start(name, total);
            return new Task() {
                @Override
                public void step(long n) {
                    task.step(n);
                    check();
                }

                @Override
                public void stepTo(long done) {
                    task.stepTo(done);
                    check();
                }

                @Override
                public void close() {
                    task.close();
                }
            };
        }

        private void check() {
            if (System.nanoTime() > deadlineNanos) {
                throw new OutOfTime();
            }
        }
    }
}
