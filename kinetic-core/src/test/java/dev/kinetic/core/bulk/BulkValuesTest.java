package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BulkValuesTest {
    @Test
    void jobStateIsExpandable() {
        assertThat(JobState.of("JobComplete")).isSameAs(JobState.JOB_COMPLETE);
        assertThat(JobState.of("JobComplete").isTerminal()).isTrue();
        JobState future = JobState.of("Paused");
        assertThat(future.name()).isEqualTo("Paused");
        assertThat(future.isTerminal()).isFalse();
        assertThat(future).isEqualTo(JobState.of("Paused"));
    }

    @Test
    void optionsDefaultsFollowTheDesign() {
        BulkOptions o = BulkOptions.defaults();
        assertThat(o.waitForCompletion()).isTrue();
        assertThat(o.pollInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(o.pollBackoffMultiplier()).isEqualTo(1.5);
        assertThat(o.maxPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(o.maxBytesPerJob()).isEqualTo(100L * 1024 * 1024);
        assertThat(o.parallelJobs()).isEqualTo(4);
        assertThat(o.lineEnding()).isEqualTo(LineEnding.LF);
        assertThat(o.columnDelimiter()).isEqualTo(ColumnDelimiter.COMMA);
        assertThat(o.timeout()).isEmpty();
    }

    @Test
    void bytesPerJobCannotExceedTheSalesforceLimit() {
        assertThatThrownBy(() -> BulkOptions.builder().maxBytesPerJob(151L * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("150 MB");
        assertThat(BulkOptions.builder().maxBytesPerJob(150L * 1024 * 1024).build().maxBytesPerJob())
                .isEqualTo(BulkOptions.MAX_BYTES_PER_JOB_LIMIT);
    }

    @Test
    void toBuilderKeepsEverySetting() {
        BulkOptions o = BulkOptions.builder().waitForCompletion(false).timeout(Duration.ofMinutes(3))
                .lineEnding(LineEnding.CRLF).columnDelimiter(ColumnDelimiter.PIPE).assignmentRuleId("01Q")
                .maxBytesPerJob(4096).parallelJobs(2).maxRecordsPerPage(500).resultPages(3).build();
        assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString());
        assertThat(o.toBuilder().build().assignmentRuleId()).contains("01Q");
    }

    @Test
    void recordsLookUpColumnsExactlyThenIgnoringCase() {
        BulkRecord r = BulkRecord.of(List.of("sf__Id", "sf__Created", "name", "Empty"),
                List.of("001000000000001AAA", "true", "Acme", ""), 3);
        assertThat(r.get("name")).isEqualTo("Acme");
        assertThat(r.get("Name")).isEqualTo("Acme");
        assertThat(r.get("Empty")).isNull();
        assertThat(r.get("Missing")).isNull();
        assertThat(r.id()).contains("001000000000001AAA");
        assertThat(r.created()).contains(true);
        assertThat(r.inputIndex()).isEqualTo(3);
        assertThat(r.originalFields()).containsOnlyKeys("name", "Empty");
    }

    @Test
    void operationsParseFromWireNames() {
        assertThat(BulkOperation.fromWireName("hard-delete")).isEqualTo(BulkOperation.HARD_DELETE);
        assertThat(BulkOperation.fromWireName("hardDelete")).isEqualTo(BulkOperation.HARD_DELETE);
        assertThatThrownBy(() -> BulkOperation.fromWireName("merge")).hasMessageContaining("merge");
    }
}
