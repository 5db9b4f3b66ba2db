package dev.kinetic.core.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRowsTest {

    @Test
    void aBareCarriageReturnInsideQuotesIsTextWhateverEndsTheRows() {
        // FastCSV 4.0.0-4.2.0 merged the row holding "x\ry" with the next one when rows end with LF.
        for (String end : List.of("\n", "\r\n", "\r")) {
            String csv = "Name,Desc" + end + "\"a\",\"x\ry\"" + end + "\"b\",\"z\"" + end + "\"c\",\"\r\"" + end
                    + "\"d\",\"\rw\"" + end;
            assertThat(rows(csv, ',')).as("rows ending with %s", end.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(List.of("Name", "Desc"), List.of("a", "x\ry"), List.of("b", "z"),
                            List.of("c", "\r"), List.of("d", "\rw"));
        }
    }

    @Test
    void quotedValuesKeepDelimitersLineBreaksAndDoubledQuotes() {
        String csv = "A;B\n\"1;2\";\"say \"\"hi\"\"\"\n\"x\ny\";\"p\r\nq\"\n\"\";\n";
        assertThat(rows(csv, ';')).containsExactly(List.of("A", "B"), List.of("1;2", "say \"hi\""),
                List.of("x\ny", "p\r\nq"), List.of("", ""));
    }

    @Test
    void emptyLinesAByteOrderMarkAndAMissingLastLineEndingAreTolerated() {
        String csv = "\uFEFFId,Name\n\n\r\n001,Acme\r\n\r\n002,\"Globex\"";
        assertThat(rows(csv, ',')).containsExactly(List.of("Id", "Name"), List.of("001", "Acme"),
                List.of("002", "Globex"));
        assertThat(rows("", ',')).isEmpty();
        assertThat(rows("a,\n,b\nc\0d\n", ',')).containsExactly(List.of("a", ""), List.of("", "b"),
                List.of("c\0d"));
    }

    @Test
    void aQuoteInsideAnUnquotedValueIsTextAndRowsMayBeShorterOrLongerThanTheHeader() {
        assertThat(rows("A,B\n5\"2,x\"y\nonly\n1,2,3\n", ',')).containsExactly(List.of("A", "B"),
                List.of("5\"2", "x\"y"), List.of("only"), List.of("1", "2", "3"));
    }

    @Test
    void valuesLongerThanTheReadBufferAreWhole() {
        String quoted = "q\"".repeat(50_000) + "\r";
        String plain = "p".repeat(200_000);
        String csv = "A,B\n\"" + quoted.replace("\"", "\"\"") + "\"," + plain + "\n" + plain + ",\"" + "\r".repeat(70_000)
                + "\"\n";
        assertThat(rows(csv, ',')).containsExactly(List.of("A", "B"), List.of(quoted, plain),
                List.of(plain, "\r".repeat(70_000)));
    }

    @Test
    void aQuotedValueNeverClosedOrTextAfterAClosingQuoteIsMalformed() {
        try (CsvRows open = rowsOf("Name\n\"open\nmore")) {
            open.next();
            assertThatThrownBy(open::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Malformed CSV: a quoted value is not closed");
        }
        try (CsvRows after = rowsOf("Name\n\"q\" ,b\n")) {
            after.next();
            assertThatThrownBy(after::next).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("Malformed CSV: a character after a closing quote");
        }
    }

    private static List<List<String>> rows(String csv, char delimiter) {
        List<List<String>> out = new ArrayList<>();
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), delimiter)) {
            List<String> row;
            while ((row = rows.next()) != null) {
                out.add(row);
            }
        }
        return out;
    }

    private static CsvRows rowsOf(String csv) {
        return new CsvRows(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), ',');
    }
}
