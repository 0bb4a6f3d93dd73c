package roost.importer.csv;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import roost.importer.ImportException;

/**
 * Streams the rows of one file of the generic format as records. The header line is checked when
 * the file is opened; every row is checked as it is read (column count, numbers, booleans, types).
 * Any fault is an {@link ImportException} naming the file, the line and the reason. Ids that point
 * at other rows are not checked here: that is {@link CsvValidator}'s job.
 *
 * <p>Not thread-safe. Memory is constant: one reused record buffer.
 *
 * @param <T> the record type of the table
 */
public final class CsvRecordReader<T> implements AutoCloseable {
    private final Path file;
    private final CsvTable<T> table;
    private final CsvParser parser;
    private long rows;

    private CsvRecordReader(Path file, CsvTable<T> table, CsvParser parser) {
        this.file = file;
        this.table = table;
        this.parser = parser;
    }

    /** Opens {@code file} and checks its header against {@code table}. */
    public static <T> CsvRecordReader<T> open(Path file, CsvTable<T> table) {
        InputStreamReader in;
        try {
            in = new InputStreamReader(
                    Files.newInputStream(file),
                    StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw new ImportException("cannot open " + file + ": " + e.getMessage(), e);
        }
        CsvRecordReader<T> reader = new CsvRecordReader<>(file, table, new CsvParser(in));
        try {
            reader.checkHeader();
        } catch (RuntimeException e) {
            reader.close();
            throw e;
        }
        return reader;
    }

    private void checkHeader() {
        try {
            if (!parser.next()) {
                throw new ImportException(
                        file, 1, "the file is empty; the first line must be the header " + table.header());
            }
            parser.stripByteOrderMark();
            boolean ok = parser.fieldCount() == table.columns().size();
            for (int i = 0; ok && i < parser.fieldCount(); i++) {
                ok = parser.equalsIgnoreCase(i, table.columns().get(i));
            }
            if (!ok) {
                StringBuilder found = new StringBuilder();
                for (int i = 0; i < parser.fieldCount(); i++) {
                    found.append(i == 0 ? "" : ",").append(parser.shown(i));
                }
                throw new ImportException(
                        file, parser.line(), "the header must be '" + table.header() + "', found '" + found + "'");
            }
        } catch (RowError e) {
            throw new ImportException(file, parser.line(), e.getMessage());
        } catch (CharacterCodingException e) {
            throw new ImportException(file, parser.line(), "not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** The next row, or {@code null} at the end of the file. */
    public T next() {
        try {
            if (!parser.next()) {
                return null;
            }
            T value = table.decode(parser);
            rows++;
            return value;
        } catch (RowError e) {
            throw new ImportException(file, parser.line(), e.getMessage());
        } catch (CharacterCodingException e) {
            throw new ImportException(file, parser.line(), "not valid UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    /** 1-based line on which the row last returned starts. */
    public long line() {
        return parser.line();
    }

    /** Rows returned so far (the header is not a row). */
    public long rows() {
        return rows;
    }

    public Path file() {
        return file;
    }

    public CsvTable<T> table() {
        return table;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + file, e);
        }
    }
}
