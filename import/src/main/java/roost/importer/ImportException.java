package roost.importer;

import java.nio.file.Path;
import roost.model.RoostException;

/**
 * An import that cannot go on. When the cause is a line of an input file, the message names the
 * file, the 1-based line number and the reason, e.g. {@code tweets.csv line 12: authorId 77 is
 * neither in users.csv nor in the database}.
 */
public class ImportException extends RoostException {
    private final Path file;
    private final long line;
    private final String reason;

    public ImportException(String message) {
        this(message, null);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
        this.file = null;
        this.line = -1;
        this.reason = message;
    }

    /** A bad line of {@code file}; {@code line} is 1-based (the header is line 1). */
    public ImportException(Path file, long line, String reason) {
        super(file + " line " + line + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    /** The file at fault, or {@code null} when the error is not about one line of a file. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or -1. */
    public long line() {
        return line;
    }

    /** The reason without the file and line. */
    public String reason() {
        return reason;
    }

    /** Bulk import asked to fill a database that already holds data; use the transactional path. */
    public static final class DatabaseNotEmpty extends ImportException {
        public DatabaseNotEmpty(String message) {
            super(message);
        }
    }
}
