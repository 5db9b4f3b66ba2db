package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kinetic.core.bulk.BulkOperation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The row index spilled to a file past a threshold: same answers as on the heap, and no file left behind. */
class SpilledRowIndexTest {
    private static final List<String> SUCCESS = List.of("sf__Id", "sf__Created", "Name");
    private static final List<String> FAILED = List.of("sf__Id", "sf__Error", "Name");

    @TempDir
    Path dir;

    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Chunk chunkOf(List<Map<String, Object>> rows) {
        return MapSplitter.split(rows, BulkOperation.INSERT, CallOptions.defaults()).get(0);
    }

    private List<Path> spillFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private RowIndex.Spill spillAfter(long rows) {
        return new RowIndex.Spill(rows, dir);
    }

    /** The mappings of this process that come from files of the spill directory (Linux only). */
    private List<String> mappedSpillFiles() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream()
                .filter(l -> l.contains(dir.toString() + "/kinetic-index-")).toList();
    }

    @Test
    void keepsTheIndexOnTheHeapUpToTheThresholdAndSpillsToAFileOneRowPastIt() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self/maps");
        Chunk chunk = chunkOf(List.of(row("Name", "a"), row("Name", "b"), row("Name", "c"), row("Name", "d")));
        try (RowMatcher heap = RowMatcher.build(chunk, SUCCESS, null, ',', false, spillAfter(4))) {
            assertThat(heap.spilled()).isFalse();
            assertThat(mappedSpillFiles()).isEmpty();
            assertThat(heap.match(List.of("x", "true", "c"))).isEqualTo(2);
        }
        RowMatcher spilled = RowMatcher.build(chunk, SUCCESS, null, ',', false, spillAfter(3));
        assertThat(spilled.spilled()).isTrue();
        assertThat(mappedSpillFiles()).as("the index is a file of the spill directory, mapped")
                .singleElement().asString().endsWith("(deleted)");
        assertThat(spillFiles()).as("its name is gone once mapped, so a killed process leaves nothing").isEmpty();
        assertThat(spilled.match(List.of("x", "true", "c"))).isEqualTo(2);
        assertThat(spilled.match(List.of("x", "true", "a"))).isEqualTo(0);
        spilled.close();
        assertThat(mappedSpillFiles()).as("closing the matcher unmaps the file, freeing its blocks").isEmpty();
        spilled.close(); // idempotent
    }

    @Test
    void anIndexWithoutKeyColumnSpillsTwoCellsPerEntryAndAKeyedOneThree() throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/self/maps")), "needs Linux's /proc/self/maps");
        // 3 rows get a table of 8 entries: 8 x 2 x 8 bytes, or 8 x 3 x 8, each in a mapping of whole 4 KiB pages
        try (RowIndex one = RowIndex.forRows(3, spillAfter(0), false)) {
            assertThat(mappedBytes()).isEqualTo(4096);
            one.add(7, 7, 0);
            one.add(15, 15, 1); // same home slot
            assertThat(one.take(15, 15, true, false)).isEqualTo(1);
            assertThat(one.take(7, 7, true, false)).isEqualTo(0);
            assertThat(one.take(7, 7, true, false)).isEqualTo(-1);
        }
        // 65,536 rows need 98,305 entries, rounded up to a power of two: 131,072
        try (RowIndex one = RowIndex.forRows(65_536, spillAfter(0), false)) {
            assertThat(mappedBytes()).isEqualTo(131_072L * 2 * 8);
        }
        try (RowIndex keyed = RowIndex.forRows(65_536, spillAfter(0), true)) {
            assertThat(mappedBytes()).isEqualTo(131_072L * 3 * 8);
        }
    }

    /** The bytes mapped from files of the spill directory (Linux only). */
    private long mappedBytes() throws IOException {
        return mappedSpillFiles().stream().mapToLong(l -> {
            String[] range = l.substring(0, l.indexOf(' ')).split("-");
            return Long.parseUnsignedLong(range[1], 16) - Long.parseUnsignedLong(range[0], 16);
        }).sum();
    }

    @Test
    void spilledIndexMapsEveryResultExactlyAsTheHeapIndexDoes() {
        int n = 500;
        List<Map<String, Object>> input = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            input.add(row("Name", i % 7 == 0 ? "Same" : "Account " + i, "NumberOfEmployees", i % 7 == 0 ? 1 : i));
        }
        Chunk chunk = chunkOf(input);
        List<List<String>> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> r = input.get(i);
            results.add(List.of("id" + i, "true", (String) r.get("Name"), r.get("NumberOfEmployees") + ".0"));
        }
        results.add(List.of("extra1", "true", "Same", "1"));           // one duplicate more than the input has
        results.add(List.of("absent", "true", "Account 3", "4"));      // values of no input row
        results.add(List.of("absent2", "true", "Nobody", "0"));
        Collections.shuffle(results, new Random(42));
        List<String> header = List.of("sf__Id", "sf__Created", "Name", "NumberOfEmployees");

        List<Long> onHeap = new ArrayList<>();
        List<Long> inFile = new ArrayList<>();
        try (RowMatcher heap = RowMatcher.build(chunk, header, null, ',', false, spillAfter(Long.MAX_VALUE));
             RowMatcher spilled = RowMatcher.build(chunk, header, null, ',', false, spillAfter(0))) {
            assertThat(heap.spilled()).isFalse();
            assertThat(spilled.spilled()).isTrue();
            for (List<String> r : results) {
                onHeap.add(heap.match(r));
                inFile.add(spilled.match(r));
            }
        }
        assertThat(inFile).isEqualTo(onHeap);
        assertThat(inFile.stream().filter(i -> i >= 0).sorted().toList())
                .as("every input row gets exactly one result").isEqualTo(java.util.stream.LongStream.range(0, n)
                        .boxed().toList());
        assertThat(inFile.stream().filter(i -> i < 0)).as("the extra duplicate and the two absent rows").hasSize(3);
        for (int k = 0; k < results.size(); k++) {
            String id = results.get(k).get(0);
            if (id.startsWith("absent")) {
                assertThat(inFile.get(k)).as(id).isEqualTo(-1);
            } else if (!id.equals("extra1") && !results.get(k).get(2).equals("Same")) {
                assertThat(inFile.get(k)).as(id).isEqualTo(Long.parseLong(id.substring(2)));
            }
        }
    }

    @Test
    void spilledDuplicatesAreHandedOutOnceEachLowestFirstOrFromTheEndHighestFirst() {
        Chunk chunk = chunkOf(List.of(row("Name", "Same"), row("Name", "Other"), row("Name", "Same"),
                row("Name", "Same")));
        try (RowMatcher success = RowMatcher.build(chunk, SUCCESS, null, ',', false, spillAfter(0));
             RowMatcher failed = RowMatcher.build(chunk, FAILED, null, ',', true, spillAfter(0))) {
            assertThat(success.match(List.of("a", "true", "Same"))).isEqualTo(0);
            assertThat(success.match(List.of("b", "true", "Same"))).isEqualTo(2);
            assertThat(failed.match(List.of("", "X:y:--", "Same"))).isEqualTo(3);
            assertThat(failed.match(List.of("", "X:y:--", "Same"))).isEqualTo(2);
            assertThat(success.match(List.of("c", "true", "Same"))).isEqualTo(3);
            assertThat(success.match(List.of("d", "true", "Same"))).as("a fourth 'Same' matches nothing")
                    .isEqualTo(-1);
            assertThat(success.match(List.of("e", "true", "Other"))).isEqualTo(1);
            assertThat(success.match(List.of("f", "true", "Other"))).isEqualTo(-1);
        }
    }

    @Test
    void spilledKeyedIndexPrefersTheRowWhoseValuesMatchThenTheKeyAlone() {
        List<Map<String, Object>> input = List.of(
                row("External_Key__c", "E1", "Name", "first"),
                row("External_Key__c", "E1", "Name", "second"),
                row("External_Key__c", "E2", "Name", "third"));
        CallOptions o = CallOptions.builder().externalIdField("External_Key__c").build();
        Chunk chunk = MapSplitter.split(input, BulkOperation.UPSERT, o).get(0);
        try (RowMatcher m = RowMatcher.build(chunk, List.of("sf__Id", "sf__Error", "External_Key__c", "Name"),
                "External_Key__c", ',', true, spillAfter(1))) {
            assertThat(m.spilled()).isTrue();
            assertThat(m.match(List.of("", "DUPLICATE_EXTERNAL_ID:x:--", "E1", "second"))).isEqualTo(1);
            assertThat(m.match(List.of("", "X:y:--", "E2", "changed by a trigger"))).isEqualTo(2);
            assertThat(m.match(List.of("", "DUPLICATE_EXTERNAL_ID:x:--", "E1", "first"))).isEqualTo(0);
            assertThat(m.match(List.of("", "X:y:--", "E1", "first"))).isEqualTo(-1);
            assertThat(m.match(List.of("", "X:y:--", "E3", "first"))).isEqualTo(-1);
        }
    }

    @Test
    void lookupsOfAbsentKeysStopAtTheEndOfAClusterThatWrapsAroundTheTable() throws IOException {
        try (RowIndex index = RowIndex.forRows(3, spillAfter(0))) {
            assertThat(index.spilled()).isTrue();
            long last = 7; // 3 rows get a table of 8 slots: home slot 7, then 0 and 1
            index.add(last, 10, 0);
            index.add(last, 11, 1);
            index.add(15, 12, 2); // another hash with the same home slot
            assertThat(index.take(last + 8 * 4, 0, false, false)).as("absent hash, same home").isEqualTo(-1);
            assertThat(index.take(3, 0, false, false)).as("absent hash, empty home").isEqualTo(-1);
            assertThat(index.take(last, 11, true, false)).isEqualTo(1);
            assertThat(index.take(15, 12, true, true)).isEqualTo(2);
            assertThat(index.take(last, 99, false, true)).isEqualTo(0);
            assertThat(index.take(last, 99, false, false)).isEqualTo(-1);
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void aBuildThatCannotReadTheInputLeavesNoSpillFile() throws IOException {
        Chunk chunk = chunkOf(List.of(row("Name", "a"), row("Name", "b")));
        chunk.source().deleteSpool();
        assertThatThrownBy(() -> RowMatcher.build(chunk, SUCCESS, null, ',', false, spillAfter(0)))
                .isInstanceOf(UncheckedIOException.class);
        assertThat(spillFiles()).isEmpty();
        if (Files.isReadable(Path.of("/proc/self/maps"))) {
            assertThat(mappedSpillFiles()).as("unmapped on failure").isEmpty();
        }
    }
}
