package dev.kinetic.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.emulator.junit.FaultProxy;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failed rows copied to {@code failedRecordsPath}: a file appears whole or not at all. A download that breaks off
 * (the local org's {@link FaultProxy} cuts every failed-results answer) leaves no file behind, not even the hidden
 * temporary one.
 */
class FailedRowsIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();

    @TempDir
    Path tmp;

    private static String jobWithTwoFailedRows(SalesforceClient client) {
        BulkResult r = client.bulk().insert("Account", List.of(Map.of("Name", "Kept"), Map.of("Phone", "1"),
                Map.of("Phone", "2")));
        assertThat(r.failedCount()).isEqualTo(2);
        return r.job().id();
    }

    private List<Path> files(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList();
        }
    }

    @Test
    void aFailedResultsDownloadThatBreaksOffLeavesNoFile(SalesforceClient client, LocalOrgControl control)
            throws IOException {
        String job = jobWithTwoFailedRows(client);
        control.faultProxy().on("GET", "/failedResults").times(Integer.MAX_VALUE).cutClose(30);
        Path dir = tmp.resolve("failed");
        try (SalesforceClient cut = ORG.clientBuilderThroughProxy().build()) {
            assertThatThrownBy(() -> FailedRows.copy(cut.bulk(), job, 2, dir.resolve("partition-0-chunk-0.csv"),
                    FailedRowsFormat.CSV)).isInstanceOf(RuntimeException.class);
        }
        assertThat(files(dir)).isEmpty();
    }

    @Test
    void aWholeDownloadIsMovedIntoPlaceAsParquetWithNothingElseBeside(SalesforceClient client) throws IOException {
        String job = jobWithTwoFailedRows(client);
        Path dir = tmp.resolve("failed");
        FailedRows.copy(client.bulk(), job, 2, dir.resolve("partition-0-chunk-0.parquet"), FailedRowsFormat.PARQUET);
        assertThat(files(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("partition-0-chunk-0.parquet");
        byte[] parquet = Files.readAllBytes(dir.resolve("partition-0-chunk-0.parquet"));
        assertThat(new String(parquet, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("PAR1"); // Parquet's magic
    }
}
