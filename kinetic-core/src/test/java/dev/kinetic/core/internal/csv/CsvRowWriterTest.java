package dev.kinetic.core.internal.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.bulk.ColumnDelimiter;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class CsvRowWriterTest {
    @Test
    void quotesOnlyWhereNeededAndDoublesQuotes() {
        CsvRowWriter w = new CsvRowWriter(',', "\n");
        String line = new String(w.encode(Arrays.asList("plain", "Director, Marketing", "the \"top\"", "two\nlines",
                "", null)), StandardCharsets.UTF_8);
        assertThat(line).isEqualTo("plain,\"Director, Marketing\",\"the \"\"top\"\"\",\"two\nlines\",,\n");
    }

    @Test
    void writesCrlfAndUtf8WithoutBom() {
        byte[] b = new CsvRowWriter(',', "\r\n").encode(List.of("Zoë", "東京"));
        assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("Zoë,東京\r\n");
        assertThat(b[0]).isEqualTo((byte) 'Z');
    }

    @ParameterizedTest
    @EnumSource(ColumnDelimiter.class)
    void everyDelimiterRoundTripsThroughTheReader(ColumnDelimiter d) {
        CsvRowWriter w = new CsvRowWriter(d.character(), "\n");
        List<String> values = List.of("a" + d.character() + "b", "x,y;z|w^v`u\tt", "q\"uote", "");
        byte[] header = w.encode(List.of("A", "B", "C", "D"));
        byte[] row = w.encode(values);
        byte[] all = new byte[header.length + row.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(row, 0, all, header.length, row.length);
        List<List<String>> read = new ArrayList<>();
        try (CsvRows rows = new CsvRows(new ByteArrayInputStream(all), d.character())) {
            List<String> r;
            while ((r = rows.next()) != null) {
                read.add(r);
            }
        }
        assertThat(read).containsExactly(List.of("A", "B", "C", "D"), values);
    }
}
