package roost.importer.csv;

/** A row that cannot be read; the reader adds the file and line. Cheap: no stack trace. */
final class RowError extends Exception {
    RowError(String reason) {
        super(reason, null, false, false);
    }
}
