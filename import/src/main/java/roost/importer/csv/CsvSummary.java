package roost.importer.csv;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a pass over a CSV directory read: rows per file name (files that are absent are not in the map).
 *
 * @param dir the directory
 * @param rowsPerFile data rows (header excluded) by file name, in {@link CsvTable#ALL} order
 * @param seconds time the pass took
 */
public record CsvSummary(Path dir, Map<String, Long> rowsPerFile, double seconds) {
    public CsvSummary {
        rowsPerFile = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerFile));
    }

    /** Rows of {@code table}, 0 when its file is absent. */
    public long rows(CsvTable<?> table) {
        return rowsPerFile.getOrDefault(table.fileName(), 0L);
    }

    public long totalRows() {
        return rowsPerFile.values().stream().mapToLong(Long::longValue).sum();
    }
}
