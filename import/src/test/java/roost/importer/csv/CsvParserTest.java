package roost.importer.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {

    private static List<List<String>> parse(String text) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (CsvParser p = new CsvParser(new StringReader(text))) {
            while (p.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < p.fieldCount(); i++) {
                    row.add(p.optionalString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void readsQuotedFieldsWithCommasQuotesAndLineBreaks() throws Exception {
        List<List<String>> rows = parse("a,\"b,c\",\"say \"\"hi\"\"\"\n1,\"two\nlines\",\r\n");
        assertThat(rows)
                .containsExactly(List.of("a", "b,c", "say \"hi\""), java.util.Arrays.asList("1", "two\nlines", null));
    }

    @Test
    void emptyQuotedIsEmptyStringAndEmptyUnquotedIsAbsent() throws Exception {
        assertThat(parse("\"\",\n")).containsExactly(java.util.Arrays.asList("", null));
    }

    @Test
    void skipsBlankLinesAndCountsLinesOfMultilineRecords() throws Exception {
        try (CsvParser p = new CsvParser(new StringReader("h\n\n\"x\ny\"\r\n\r\nz"))) {
            assertThat(p.next()).isTrue();
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.next()).isTrue();
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.string(0)).isEqualTo("x\ny");
            assertThat(p.next()).isTrue();
            assertThat(p.line()).isEqualTo(6);
            assertThat(p.string(0)).isEqualTo("z");
            assertThat(p.next()).isFalse();
        }
    }

    @Test
    void parsesLongsStrictly() throws Exception {
        try (CsvParser p = new CsvParser(
                new StringReader("-9223372036854775808,9223372036854775807,12a, 1,9223372036854775808\n"))) {
            p.next();
            assertThat(p.parseLong(0, "a")).isEqualTo(Long.MIN_VALUE);
            assertThat(p.parseLong(1, "b")).isEqualTo(Long.MAX_VALUE);
            assertThatThrownBy(() -> p.parseLong(2, "c")).hasMessage("c is not a number: '12a'");
            assertThatThrownBy(() -> p.parseLong(3, "d")).hasMessage("d is not a number: ' 1'");
            assertThatThrownBy(() -> p.parseLong(4, "e")).hasMessageContaining("out of the range");
        }
    }

    @Test
    void refusesBrokenQuoting() {
        assertThatThrownBy(() -> parse("a,\"open\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> parse("\"x\"y,1\n")).hasMessageContaining("after the closing quote");
        assertThatThrownBy(() -> parse("ab\"c,1\n")).hasMessageContaining("quote inside unquoted field 1");
    }
}
