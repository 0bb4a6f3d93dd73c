package roost.importer.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one CSV file of any shape (the format files, the ground-truth files) byte by byte: numbers are formatted straight into the buffer, ASCII text is
 * copied without an encoder, text is quoted only when it must be (RFC 4180). Not thread-safe.
 */
public final class CsvRowWriter implements Closeable {
    private final Path file;
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private boolean firstField = true;
    private long rows;
    private boolean multiline;

    /** Creates (or truncates) {@code file} and writes {@code header} as its first line unless it is null. */
    public CsvRowWriter(Path file, String header) {
        this.file = file;
        try {
            this.out = Files.newOutputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file, e);
        }
        if (header != null) {
            raw(header);
            newLine();
            rows = 0;
        }
    }

    public CsvRowWriter longField(long v) {
        separator();
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                raw(Long.toString(v));
                return this;
            }
            buf[pos++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        pos = end;
        return this;
    }

    public CsvRowWriter optionalLong(Long v) {
        return v == null ? emptyField() : longField(v);
    }

    public CsvRowWriter booleanField(boolean v) {
        separator();
        raw(v ? "true" : "false");
        return this;
    }

    public CsvRowWriter emptyField() {
        separator();
        return this;
    }

    /** A number with {@code decimals} fractional digits (no exponent, no locale). */
    public CsvRowWriter decimalField(double v, int decimals) {
        separator();
        raw(java.math.BigDecimal.valueOf(v)
                .setScale(decimals, java.math.RoundingMode.HALF_EVEN)
                .toPlainString());
        return this;
    }

    /** Text: {@code null} is an empty field, {@code ""} is written as {@code ""}. */
    public CsvRowWriter textField(String s) {
        separator();
        if (s == null) {
            return this;
        }
        boolean quote = s.isEmpty();
        boolean ascii = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                if (c != ',' && c != '"') {
                    multiline = true;
                }
            } else if (c >= 0x80) {
                ascii = false;
            }
        }
        if (!quote) {
            if (ascii) {
                raw(s);
            } else {
                bytes(s.getBytes(StandardCharsets.UTF_8));
            }
            return this;
        }
        ensure(1);
        buf[pos++] = '"';
        String escaped = s.indexOf('"') < 0 ? s : s.replace("\"", "\"\"");
        if (ascii) {
            raw(escaped);
        } else {
            bytes(escaped.getBytes(StandardCharsets.UTF_8));
        }
        ensure(1);
        buf[pos++] = '"';
        return this;
    }

    public void endRow() {
        newLine();
        rows++;
        firstField = true;
    }

    public long rows() {
        return rows;
    }

    /** Whether any text written so far holds a line break. */
    public boolean multiline() {
        return multiline;
    }

    public Path file() {
        return file;
    }

    private void newLine() {
        ensure(1);
        buf[pos++] = '\n';
    }

    private void separator() {
        if (firstField) {
            firstField = false;
        } else {
            ensure(1);
            buf[pos++] = ',';
        }
    }

    /** ASCII only. */
    private void raw(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (pos == buf.length) {
                flushBuffer();
            }
            int chunk = Math.min(n - i, buf.length - pos);
            for (int k = 0; k < chunk; k++) {
                buf[pos++] = (byte) s.charAt(i++);
            }
        }
    }

    private void bytes(byte[] b) {
        if (b.length > buf.length - pos) {
            flushBuffer();
            if (b.length > buf.length) {
                write(b, b.length);
                return;
            }
        }
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void ensure(int n) {
        if (buf.length - pos < n) {
            flushBuffer();
        }
    }

    private void flushBuffer() {
        write(buf, pos);
        pos = 0;
    }

    private void write(byte[] b, int len) {
        try {
            out.write(b, 0, len);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    @Override
    public void close() {
        flushBuffer();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }
}
