package roost.importer.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A streaming RFC 4180 record reader: comma separated, fields optionally in double quotes, a quote
 * inside a quoted field doubled ({@code ""}), quoted fields may hold commas and line breaks. Lines
 * end with LF or CRLF; blank lines between records are skipped.
 *
 * <p>Hand-written for speed: one pass over a char buffer, no regular expressions, no object per
 * field. The current record's fields live in one reused char array until {@link #next()} is called
 * again. Not thread-safe.
 */
final class CsvParser implements Closeable {
    private static final int MAX_RECORD_CHARS = 16 * 1024 * 1024;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int lim;

    private char[] chars = new char[1024];
    private int length;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];
    private int fields;

    private long nextLine = 1;
    private long recordLine;

    CsvParser(Reader in) {
        this.in = in;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException, RowError {
        while (true) {
            int c = peek();
            if (c < 0) {
                return false;
            }
            if (c == '\n') {
                pos++;
                nextLine++;
            } else if (c == '\r') {
                pos++;
                if (peek() == '\n') {
                    pos++;
                }
                nextLine++;
            } else {
                break;
            }
        }
        recordLine = nextLine;
        length = 0;
        fields = 0;
        while (true) {
            int start = length;
            boolean isQuoted = false;
            int c = read();
            if (c == '"') {
                isQuoted = true;
                while (true) {
                    c = read();
                    if (c < 0) {
                        throw new RowError("a quoted field is not closed before the end of the file");
                    }
                    if (c == '"') {
                        if (peek() == '"') {
                            pos++;
                            append('"');
                            continue;
                        }
                        break;
                    }
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        nextLine++;
                    }
                    append((char) c);
                }
                c = read();
                if (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    throw new RowError(
                            "unexpected character '" + (char) c + "' after the closing quote of field " + (fields + 1));
                }
            } else {
                while (c >= 0 && c != ',' && c != '\n' && c != '\r') {
                    if (c == '"') {
                        throw new RowError("a quote inside unquoted field " + (fields + 1)
                                + " (quote the whole field and double the quote)");
                    }
                    append((char) c);
                    c = read();
                }
            }
            addField(start, isQuoted);
            if (c == ',') {
                continue;
            }
            if (c == '\n') {
                nextLine++;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    pos++;
                }
                nextLine++;
            }
            return true;
        }
    }

    /** 1-based line on which the current record starts. */
    long line() {
        return recordLine;
    }

    int fieldCount() {
        return fields;
    }

    boolean isEmpty(int i) {
        return starts[i] == ends[i];
    }

    boolean isQuoted(int i) {
        return quoted[i];
    }

    String string(int i) {
        return new String(chars, starts[i], ends[i] - starts[i]);
    }

    /** The field for an error message: at most 40 characters. */
    String shown(int i) {
        int len = ends[i] - starts[i];
        return len <= 40 ? string(i) : new String(chars, starts[i], 40) + "...";
    }

    boolean equalsIgnoreCase(int i, String s) {
        int len = ends[i] - starts[i];
        if (len != s.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            char a = chars[starts[i] + k];
            char b = s.charAt(k);
            if (a != b && Character.toUpperCase(a) != Character.toUpperCase(b)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a decimal long (optional leading minus, digits only, no blanks). */
    long parseLong(int i, String column) throws RowError {
        int s = starts[i];
        int e = ends[i];
        if (s == e) {
            throw new RowError(column + " is empty");
        }
        boolean negative = chars[s] == '-';
        int k = negative ? s + 1 : s;
        if (k == e) {
            throw new RowError(column + " is not a number: '" + shown(i) + "'");
        }
        long value = 0;
        for (; k < e; k++) {
            int d = chars[k] - '0';
            if (d < 0 || d > 9) {
                throw new RowError(column + " is not a number: '" + shown(i) + "'");
            }
            // Accumulate negatively so that Long.MIN_VALUE parses too.
            if (value < (Long.MIN_VALUE + d) / 10) {
                throw new RowError(column + " is out of the range of a 64-bit integer: '" + shown(i) + "'");
            }
            value = value * 10 - d;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw new RowError(column + " is out of the range of a 64-bit integer: '" + shown(i) + "'");
            }
            return -value;
        }
        return value;
    }

    /** An optional long: {@code null} when the field is empty. */
    Long parseOptionalLong(int i, String column) throws RowError {
        return isEmpty(i) ? null : parseLong(i, column);
    }

    boolean parseBoolean(int i, String column) throws RowError {
        if (equalsIgnoreCase(i, "true")) {
            return true;
        }
        if (equalsIgnoreCase(i, "false")) {
            return false;
        }
        throw new RowError(column + " must be true or false, was '" + shown(i) + "'");
    }

    /** An optional string: {@code null} for an empty unquoted field, {@code ""} for {@code ""}. */
    String optionalString(int i) {
        if (isEmpty(i) && !quoted[i]) {
            return null;
        }
        return string(i);
    }

    /** Drops a UTF-8 byte order mark from the start of the first field, if there is one. */
    void stripByteOrderMark() {
        if (fields > 0 && ends[0] > starts[0] && chars[starts[0]] == '\uFEFF') {
            starts[0]++;
        }
    }

    private void addField(int start, boolean isQuoted) {
        if (fields == starts.length) {
            int n = fields * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
        }
        starts[fields] = start;
        ends[fields] = length;
        quoted[fields] = isQuoted;
        fields++;
    }

    private void append(char c) throws RowError {
        if (length == chars.length) {
            if (length >= MAX_RECORD_CHARS) {
                throw new RowError("record longer than " + MAX_RECORD_CHARS + " characters (an unclosed quote?)");
            }
            chars = Arrays.copyOf(chars, length * 2);
        }
        chars[length++] = c;
    }

    private int read() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == lim && !fill()) {
            return -1;
        }
        return buf[pos];
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        while (n == 0) {
            n = in.read(buf, 0, buf.length);
        }
        if (n < 0) {
            return false;
        }
        pos = 0;
        lim = n;
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
