package roost.importer.csv;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import roost.importer.ImportException;
import roost.importer.Progress;
import roost.model.Records.Engagement;
import roost.model.Records.Follow;
import roost.model.Records.Signal;
import roost.model.Records.Tweet;
import roost.model.Records.User;

/**
 * A directory in the generic CSV format: {@code users.csv} (required) and any of the optional files
 * of {@link CsvTable#ALL}. Reading is streaming: memory does not grow with the files.
 */
public final class CsvDirectory {
    private static final int PROGRESS_EVERY = 8192;

    private final Path dir;

    /** @throws ImportException when {@code dir} is not a directory or has no {@code users.csv} */
    public CsvDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new ImportException(dir + " is not a directory");
        }
        if (!Files.isRegularFile(dir.resolve(CsvTable.USERS.fileName()))) {
            throw new ImportException(dir + " has no " + CsvTable.USERS.fileName() + " (the only required file)");
        }
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** The file of {@code table}, when present. */
    public Optional<Path> file(CsvTable<?> table) {
        Path p = dir.resolve(table.fileName());
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * Reads every present file in {@link CsvTable#ALL} order and hands each row to {@code visitor}.
     * Progress is one task per file, in rows; {@code expected} (may be null) gives the totals.
     *
     * @throws ImportException at the first bad row, naming file, line and reason
     */
    public CsvSummary read(RowVisitor visitor, Progress progress, String taskPrefix, CsvSummary expected) {
        long start = System.nanoTime();
        Map<String, Long> rows = new LinkedHashMap<>();
        for (CsvTable<?> table : CsvTable.ALL) {
            Optional<Path> file = file(table);
            if (file.isEmpty()) {
                continue;
            }
            long total = expected == null ? -1 : expected.rows(table);
            rows.put(table.fileName(), readTable(file.get(), table, visitor, progress, taskPrefix, total));
        }
        return new CsvSummary(dir, rows, (System.nanoTime() - start) / 1e9);
    }

    private static <T> long readTable(
            Path file, CsvTable<T> table, RowVisitor visitor, Progress progress, String taskPrefix, long total) {
        try (CsvRecordReader<T> reader = CsvRecordReader.open(file, table);
                Progress.Task task = progress.start(taskPrefix + " " + table.fileName(), total)) {
            int sinceStep = 0;
            for (T row = reader.next(); row != null; row = reader.next()) {
                try {
                    dispatch(row, visitor);
                } catch (RowVisitor.Rejected e) {
                    throw new ImportException(file, reader.line(), e.getMessage());
                }
                if (++sinceStep == PROGRESS_EVERY) {
                    task.step(sinceStep);
                    sinceStep = 0;
                }
            }
            task.step(sinceStep);
            visitor.endOfFile(table);
            return reader.rows();
        }
    }

    private static void dispatch(Object row, RowVisitor visitor) {
        if (row instanceof Engagement e) {
            visitor.engagement(e);
        } else if (row instanceof Follow f) {
            visitor.follow(f);
        } else if (row instanceof Signal s) {
            visitor.signal(s);
        } else if (row instanceof Tweet t) {
            visitor.tweet(t);
        } else {
            visitor.user((User) row);
        }
    }
}
