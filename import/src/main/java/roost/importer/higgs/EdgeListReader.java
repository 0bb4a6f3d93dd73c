package roost.importer.higgs;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import roost.importer.ImportException;

/**
 * Reads whitespace-separated ASCII lines (SNAP edge lists), gzip-compressed or not, one line at a
 * time into a reused byte buffer. Not thread-safe.
 */
final class EdgeListReader implements Closeable {
    private final Path file;
    private final InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int lim;

    private byte[] lineBytes = new byte[256];
    private int lineLength;
    private int[] starts = new int[8];
    private int[] ends = new int[8];
    private int tokens;
    private long line;

    EdgeListReader(Path file) {
        this.file = file;
        try {
            InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            this.in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
        } catch (IOException e) {
            throw new ImportException("cannot open " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the next non-blank line; false at the end of the file. */
    boolean next() {
        try {
            while (true) {
                lineLength = 0;
                int c = read();
                if (c < 0) {
                    return false;
                }
                while (c >= 0 && c != '\n') {
                    if (lineLength == lineBytes.length) {
                        lineBytes = Arrays.copyOf(lineBytes, lineLength * 2);
                    }
                    lineBytes[lineLength++] = (byte) c;
                    c = read();
                }
                line++;
                split();
                if (tokens > 0) {
                    return true;
                }
            }
        } catch (IOException e) {
            throw new ImportException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void split() {
        tokens = 0;
        int i = 0;
        while (i < lineLength) {
            while (i < lineLength && isBlank(lineBytes[i])) {
                i++;
            }
            if (i == lineLength) {
                break;
            }
            int s = i;
            while (i < lineLength && !isBlank(lineBytes[i])) {
                i++;
            }
            if (tokens == starts.length) {
                starts = Arrays.copyOf(starts, tokens * 2);
                ends = Arrays.copyOf(ends, tokens * 2);
            }
            starts[tokens] = s;
            ends[tokens] = i;
            tokens++;
        }
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r';
    }

    int tokens() {
        return tokens;
    }

    /** 1-based number of the current line. */
    long line() {
        return line;
    }

    Path file() {
        return file;
    }

    /** Token {@code i} as a non-negative integer. */
    long number(int i) {
        long v = 0;
        if (starts[i] == ends[i]) {
            throw bad("empty token");
        }
        for (int k = starts[i]; k < ends[i]; k++) {
            int d = lineBytes[k] - '0';
            if (d < 0 || d > 9 || v > (Long.MAX_VALUE - d) / 10) {
                throw bad("token " + (i + 1) + " is not a number: '" + token(i) + "'");
            }
            v = v * 10 + d;
        }
        return v;
    }

    /** Token {@code i} as an int id. */
    int id(int i) {
        long v = number(i);
        if (v > Integer.MAX_VALUE) {
            throw bad("id " + v + " does not fit in 31 bits");
        }
        return (int) v;
    }

    boolean tokenIs(int i, String s) {
        int len = ends[i] - starts[i];
        if (len != s.length()) {
            return false;
        }
        for (int k = 0; k < len; k++) {
            if (lineBytes[starts[i] + k] != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    String token(int i) {
        return new String(lineBytes, starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.US_ASCII);
    }

    ImportException bad(String reason) {
        return new ImportException(file, line, reason);
    }

    private int read() throws IOException {
        if (pos == lim) {
            int n = in.read(buf, 0, buf.length);
            if (n <= 0) {
                return -1;
            }
            pos = 0;
            lim = n;
        }
        return buf[pos++] & 0xff;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            throw new ImportException("cannot close " + file + ": " + e.getMessage(), e);
        }
    }
}
