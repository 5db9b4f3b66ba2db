package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.LineEnding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitterTest {
    @TempDir
    Path tmp;

    private static String text(Chunk c) throws IOException {
        try (InputStream in = c.source().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void headerIsTheUnionOfKeysWithIdFirstNullAsNotApplicableAndAbsentEmpty() throws IOException {
        List<Map<String, Object>> rows = List.of(row("Name", "A", "Industry", null),
                row("Id", "001000000000001AAA", "Name", "B", "AnnualRevenue", 5.0E6));
        List<Chunk> chunks = MapSplitter.split(rows, BulkOperation.INSERT, CallOptions.defaults());
        assertThat(chunks).hasSize(1);
        assertThat(text(chunks.get(0))).isEqualTo(
                "Id,Name,Industry,AnnualRevenue\n,A,#N/A,\n001000000000001AAA,B,,5000000\n");
        assertThat(chunks.get(0).rowCount()).isEqualTo(2);
    }

    @Test
    void writesTheChosenDelimiterAndLineEnding() throws IOException {
        CallOptions o = CallOptions.builder().columnDelimiter(ColumnDelimiter.SEMICOLON).lineEnding(LineEnding.CRLF)
                .build();
        List<Chunk> chunks = MapSplitter.split(List.of(row("Name", "a;b", "Rating", "Hot")), BulkOperation.INSERT, o);
        assertThat(text(chunks.get(0))).isEqualTo("Name;Rating\r\n\"a;b\";Hot\r\n");
    }

    @Test
    void updateWithoutIdNamesTheFirstIndexesBeforeSending() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            Map<String, Object> m = new HashMap<>();
            m.put("Name", "n" + i);
            if (i % 3 != 1) {
                m.put("Id", "001000000000001AAA");
            }
            rows.add(m);
        }
        assertThatThrownBy(() -> MapSplitter.split(rows, BulkOperation.UPDATE, CallOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("update needs an Id")
                .hasMessageContaining("10 records lack it, first at indexes 1, 4, 7, 10, 13, 16, 19, 22, 25, 28");
    }

    @Test
    void upsertWithoutExternalIdIsRefusedForStreamsToo() {
        CallOptions o = CallOptions.builder().externalIdField("External_Key__c").build();
        Iterable<Map<String, Object>> oneShot = () -> List.of(row("External_Key__c", "E1"), row("Name", "x"),
                row("External_Key__c", "", "Name", "y")).iterator();
        assertThatThrownBy(() -> MapSplitter.split(oneShot, BulkOperation.UPSERT, o))
                .hasMessageContaining("external id field External_Key__c")
                .hasMessageContaining("first at indexes 1, 2");
    }

    @Test
    void splitsByBytesKeepingTheHeaderInEveryChunk() throws IOException {
        List<Map<String, Object>> rows = IntStream.range(0, 100)
                .mapToObj(i -> row("Name", "Account number " + i, "Description", "x".repeat(40))).toList();
        CallOptions o = CallOptions.builder().maxBytesPerJob(1024).build();
        List<Chunk> chunks = MapSplitter.split(rows, BulkOperation.INSERT, o);
        assertThat(chunks.size()).isGreaterThan(5);
        long first = 0;
        for (Chunk c : chunks) {
            String t = text(c);
            assertThat(t).startsWith("Name,Description\n");
            assertThat(t.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
            assertThat(c.firstRow()).isEqualTo(first);
            assertThat(t.lines().count() - 1).isEqualTo(c.rowCount());
            first += c.rowCount();
        }
        assertThat(first).isEqualTo(100);
    }

    @Test
    void aNewKeyInAOneShotStreamStartsANewJobWithTheWiderHeader() throws IOException {
        Iterable<Map<String, Object>> oneShot = () -> List.of(row("Name", "a"), row("Name", "b", "Rating", "Hot"))
                .iterator();
        List<Chunk> chunks = MapSplitter.split(oneShot, BulkOperation.INSERT, CallOptions.defaults());
        assertThat(chunks).hasSize(2);
        assertThat(text(chunks.get(1))).isEqualTo("Name,Rating\nb,Hot\n");
        assertThat(chunks.get(1).firstRow()).isEqualTo(1);
    }

    @Test
    void fileIsCutAtRowBoundariesRespectingQuotedNewlines() throws IOException {
        StringBuilder b = new StringBuilder("Name,Description\n");
        for (int i = 0; i < 50; i++) {
            b.append("A").append(i).append(",\"line one\nline, two\"\n");
        }
        Path f = tmp.resolve("in.csv");
        Files.writeString(f, b);
        List<Chunk> chunks = FileSplitter.split(f, false, BulkOperation.INSERT,
                CallOptions.builder().maxBytesPerJob(1024).build());
        assertThat(chunks.size()).isGreaterThan(1);
        StringBuilder joined = new StringBuilder("Name,Description\n");
        long rows = 0;
        for (Chunk c : chunks) {
            String t = text(c);
            assertThat(t).startsWith("Name,Description\n");
            assertThat(t.length()).isLessThanOrEqualTo(1024);
            joined.append(t.substring("Name,Description\n".length()));
            assertThat(c.firstRow()).isEqualTo(rows);
            rows += c.rowCount();
        }
        assertThat(rows).isEqualTo(50);
        assertThat(joined.toString()).isEqualTo(b.toString());
    }

    @Test
    void fileWithBomHasItRemovedAndLineEndingMismatchIsNamed() throws IOException {
        Path f = tmp.resolve("bom.csv");
        Files.write(f, ("\uFEFFName\r\nA\r\n").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> FileSplitter.split(f, false, BulkOperation.INSERT, CallOptions.defaults()))
                .hasMessageContaining("CRLF").hasMessageContaining("lineEnding(CRLF)");
        List<Chunk> chunks = FileSplitter.split(f, false, BulkOperation.INSERT,
                CallOptions.builder().lineEnding(LineEnding.CRLF).build());
        assertThat(text(chunks.get(0))).isEqualTo("Name\r\nA\r\n");
        assertThat(chunks.get(0).header()).containsExactly("Name");
    }

    @Test
    void fileForDeleteNeedsAnIdColumnAndValues() throws IOException {
        Path noColumn = tmp.resolve("a.csv");
        Files.writeString(noColumn, "Name\nA\n");
        assertThatThrownBy(() -> FileSplitter.split(noColumn, false, BulkOperation.DELETE, CallOptions.defaults()))
                .hasMessageContaining("needs a column Id").hasMessageContaining("[Name]");
        Path blanks = tmp.resolve("b.csv");
        Files.writeString(blanks, "Id\n001000000000001AAA\n\"\"\n001000000000002AAA\n \n");
        assertThatThrownBy(() -> FileSplitter.split(blanks, false, BulkOperation.DELETE, CallOptions.defaults()))
                .hasMessageContaining("2 rows lack it, first at indexes 1, 3");
    }
}
