package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.internal.csv.CsvRows;
import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The byte-level input reader against the string path it replaces: the same rows, values and hashes. */
class InputRowHashesTest {
    /** Values that take every branch: kept as bytes, normalised, quoted, multi-line, non-ASCII, blank. */
    private static final String[] VALUES = {
        "", "Account 17", "Finance", "Media", "TRUE", "no", "#N/A", "107919", "0", "007", "-5", "+5", "5.0",
        "107919.00", "9.12260031E8", "1234567890123456", ".5", "2024-01-31", "2024-01-31T00:00:00.000+0000",
        "2024-01-31T10:15:00Z", " padded ", "\tTab", "Zoë Åström", "日本語のテキスト", "a,b", "say \"hi\"", "two\nlines",
        "cr\rinside", "crlf\r\ninside", "\"", "x\"y", "  ", "true ", "-", "1e5", "Müller GmbH & Co. KG", "#hash tag",
    };

    @Test
    void generatedCsvGivesTheRowsValuesAndHashesOfTheStringPath() {
        Random random = new Random(42);
        for (int file = 0; file < 300; file++) {
            char delimiter = file % 3 == 0 ? ';' : ',';
            int columns = 1 + random.nextInt(6);
            String csv = csv(random, delimiter, columns);
            int[] cols = IntStream.range(0, columns + 1).map(i -> random.nextInt(columns + 1)).toArray();
            assertSameAsStringPath(csv, delimiter, cols, columns);
        }
    }

    @Test
    void lineEndingsEmptyLinesAndQuotesAreReadAsFastCsvReadsThem() {
        String csv = "Name,Value\r\n\r\nplain,1\r"
                + "\n\n\"quoted\",2\n"
                + "mid\"quote,3\r\n"
                + "\"\",\n"
                + "\"escaped \"\"twice\"\"\",4\n"
                + ",\n"
                + "short\n"
                + "long,5,extra\n"
                + "\"cr\rinside\",7\n"
                + "\"crlf\r\ninside\",8\n"
                + "last,9";
        assertSameAsStringPath(csv, ',', new int[] {0, 1, 2}, 3);
        assertSameAsStringPath(csv + "\n", ',', new int[] {1, 0}, 3);
        assertSameAsStringPath(csv + "\r\n\r\n", ',', new int[] {1}, 3);
    }

    @Test
    void aQuotedValueThatNeverClosesOrGoesOnAfterItsQuoteIsAnErrorAsForFastCsv() {
        InputRowHashes open = new InputRowHashes(stream("Name\n\"open"), ',');
        open.next();
        assertThatThrownBy(open::next).isInstanceOf(UncheckedIOException.class).hasMessageContaining("not closed");
        InputRowHashes after = new InputRowHashes(stream("Name\n\"q\" ,b\n"), ',');
        after.next();
        assertThatThrownBy(after::next).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("after a closing quote");
        CsvRows fastCsv = new CsvRows(stream("Name\n\"q\" ,b\n"), ',');
        fastCsv.next();
        assertThatThrownBy(fastCsv::next).isInstanceOf(UncheckedIOException.class);
    }

    private static void assertSameAsStringPath(String csv, char delimiter, int[] cols, int columns) {
        try (CsvRows expected = new CsvRows(stream(csv), delimiter);
             InputRowHashes actual = new InputRowHashes(stream(csv), delimiter)) {
            List<String> row;
            int n = 0;
            while ((row = expected.next()) != null) {
                assertThat(actual.next()).as("row %d of %s", n, csv).isTrue();
                for (int c = 0; c <= columns; c++) {
                    assertThat(actual.value(c)).as("value %d of row %d of %s", c, n, escaped(csv)).isEqualTo(c < row.size() ? row.get(c) : "");
                }
                assertThat(actual.hash(cols)).as("hash of row %d %s over %s", n, row, Arrays.toString(cols))
                        .isEqualTo(RowMatcher.hash(row, cols));
                n++;
            }
            assertThat(actual.next()).as("no row after the %d rows of %s", n, escaped(csv)).isFalse();
        }
    }

    private static String csv(Random random, char delimiter, int columns) {
        // A header of more than 3 bytes: FastCSV 4.0.0's BOM check misreads a file of 3 bytes or fewer.
        StringBuilder b = new StringBuilder("Header");
        // One line ending per file, as files have; values with CRs in them too (FastCSV, which CsvRows used before,
        // misread some of those).
        String ending = List.of("\n", "\r\n", "\r").get(random.nextInt(3));
        b.append(ending);
        int rows = random.nextInt(12);
        for (int r = 0; r <= rows; r++) {
            int width = random.nextInt(10) == 0 ? 1 + random.nextInt(columns + 1) : columns;
            List<String> fields = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                String v = VALUES[random.nextInt(VALUES.length)];
                boolean mustQuote = v.indexOf(delimiter) >= 0 || v.contains("\"") || v.contains("\n") || v.contains("\r");
                fields.add(mustQuote || random.nextInt(4) == 0 ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            b.append(String.join(String.valueOf(delimiter), fields));
            if (r < rows || random.nextBoolean()) {
                b.append(ending);
            }
            if (random.nextInt(15) == 0) {
                b.append(ending); // an empty line
            }
        }
        return b.toString();
    }

    private static String escaped(String csv) {
        return csv.replace("\r", "\\r").replace("\n", "\\n\n");
    }

    private static ByteArrayInputStream stream(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
