package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.bulk.BulkOperation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMatcherTest {
    private static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void insertResultsInAnyOrderFindTheirRowsThroughNormalisedEchoes() {
        List<Map<String, Object>> input = List.of(
                row("Name", "Lorem", "AnnualRevenue", 912260031, "Active__c", true),
                row("Name", "Ipsum", "AnnualRevenue", 5, "Active__c", false),
                row("Name", "Dolor", "AnnualRevenue", null, "Active__c", true));
        Chunk chunk = MapSplitter.split(input, BulkOperation.INSERT, CallOptions.defaults()).get(0);
        List<String> header = List.of("sf__Id", "sf__Created", "name", "AnnualRevenue", "Active__c");
        RowMatcher m = RowMatcher.build(chunk, header, null, ',', false);
        assertThat(m.match(List.of("001A", "true", "Dolor", "", "TRUE"))).isEqualTo(2);
        assertThat(m.match(List.of("001B", "true", "Lorem", "9.12260031E8", "true"))).isEqualTo(0);
        assertThat(m.match(List.of("001C", "true", "Ipsum", "5.0", "false"))).isEqualTo(1);
        assertThat(m.match(List.of("001D", "true", "Unknown", "5", "false"))).isEqualTo(-1);
    }

    @Test
    void identicalRowsAreHandedOutOnceEach() {
        List<Map<String, Object>> input = List.of(row("Name", "Same"), row("Name", "Other"), row("Name", "Same"),
                row("Name", "Same"));
        Chunk chunk = MapSplitter.split(input, BulkOperation.INSERT, CallOptions.defaults()).get(0);
        RowMatcher success = RowMatcher.build(chunk, List.of("sf__Id", "sf__Created", "Name"), null, ',', false);
        assertThat(success.match(List.of("a", "true", "Same"))).isEqualTo(0);
        assertThat(success.match(List.of("b", "true", "Same"))).isEqualTo(2);
        RowMatcher failed = RowMatcher.build(chunk, List.of("sf__Id", "sf__Error", "Name"), null, ',', true);
        assertThat(failed.match(List.of("", "X:y:--", "Same"))).isEqualTo(3);
        assertThat(success.match(List.of("c", "true", "Same"))).isEqualTo(3);
        assertThat(success.match(List.of("d", "true", "Same"))).isEqualTo(-1);
    }

    @Test
    void updatesMatchByIdEvenWhenGivenAsFifteenCharactersAndValuesAreNormalised() {
        List<Map<String, Object>> input = List.of(
                row("Id", "0018c00002FInbo", "Industry", "Software"),
                row("Id", "0018c00002FInbpAAD", "Industry", "Finance"));
        Chunk chunk = MapSplitter.split(input, BulkOperation.UPDATE, CallOptions.defaults()).get(0);
        RowMatcher m = RowMatcher.build(chunk, List.of("sf__Id", "sf__Created", "Id", "Industry"), "Id", ',', false);
        assertThat(m.match(List.of("0018c00002FInbpAAD", "false", "0018c00002FInbpAAD", "Finance"))).isEqualTo(1);
        assertThat(m.match(List.of("0018c00002FInboAAD", "false", "0018c00002FInboAAD", "Something else")))
                .isEqualTo(0);
    }

    @Test
    void duplicateKeysPreferTheRowWhoseValuesMatch() {
        List<Map<String, Object>> input = List.of(
                row("External_Key__c", "E1", "Name", "first"),
                row("External_Key__c", "E1", "Name", "second"));
        CallOptions o = CallOptions.builder().externalIdField("External_Key__c").build();
        Chunk chunk = MapSplitter.split(input, BulkOperation.UPSERT, o).get(0);
        RowMatcher m = RowMatcher.build(chunk, List.of("sf__Id", "sf__Error", "External_Key__c", "Name"),
                "External_Key__c", ',', true);
        assertThat(m.match(List.of("", "DUPLICATE_EXTERNAL_ID:x:--", "E1", "second"))).isEqualTo(1);
        assertThat(m.match(List.of("", "DUPLICATE_EXTERNAL_ID:x:--", "E1", "first"))).isEqualTo(0);
    }

    @Test
    void rowsOfALaterChunkGetGlobalIndexes() {
        List<Map<String, Object>> input = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            input.add(row("Name", "Account " + i));
        }
        List<Chunk> chunks = MapSplitter.split(input, BulkOperation.INSERT,
                CallOptions.builder().maxBytesPerJob(1024).build());
        Chunk last = chunks.get(chunks.size() - 1);
        RowMatcher m = RowMatcher.build(last, List.of("sf__Id", "sf__Created", "Name"), null, ',', false);
        assertThat(m.match(List.of("x", "true", "Account 59"))).isEqualTo(59);
    }
}
