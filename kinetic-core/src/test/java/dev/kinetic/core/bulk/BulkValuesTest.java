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
        PollOptions p = PollOptions.defaults();
        assertThat(p.pollInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(p.pollBackoffMultiplier()).isEqualTo(1.1);
        assertThat(p.maxPollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.timeout()).isEmpty();
        assertThat(p.stallTimeout()).contains(Duration.ofMinutes(30));
        IngestOptions o = IngestOptions.defaults();
        assertThat(o.maxBytesPerJob()).isEqualTo(100L * 1024 * 1024);
        assertThat(o.parallelJobs()).isEqualTo(4);
        assertThat(o.lineEnding()).isEqualTo(LineEnding.LF);
        assertThat(o.columnDelimiter()).isEqualTo(ColumnDelimiter.COMMA);
        assertThat(o.poll()).isSameAs(PollOptions.defaults());
        QueryOptions q = QueryOptions.defaults();
        assertThat(q.includeDeleted()).isFalse();
        assertThat(q.resultPages()).isEqualTo(1);
        assertThat(q.maxRecordsPerPage()).isZero();
    }

    @Test
    void bytesPerJobCannotExceedTheSalesforceLimit() {
        assertThatThrownBy(() -> IngestOptions.builder().maxBytesPerJob(151L * 1024 * 1024))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("150 MB");
        assertThat(IngestOptions.builder().maxBytesPerJob(150L * 1024 * 1024).build().maxBytesPerJob())
                .isEqualTo(IngestOptions.MAX_BYTES_PER_JOB_LIMIT);
    }

    @Test
    void toBuilderKeepsEverySetting() {
        PollOptions p = PollOptions.builder().timeout(Duration.ofMinutes(3)).stallTimeout(null)
                .pollInterval(Duration.ofSeconds(1)).pollBackoffMultiplier(2).maxPollInterval(Duration.ofSeconds(9))
                .build();
        assertThat(p.toBuilder().build().toString()).isEqualTo(p.toString());
        IngestOptions o = IngestOptions.builder().lineEnding(LineEnding.CRLF).columnDelimiter(ColumnDelimiter.PIPE)
                .assignmentRuleId("01Q").maxBytesPerJob(4096).parallelJobs(2).poll(p).build();
        assertThat(o.toBuilder().build().toString()).isEqualTo(o.toString());
        assertThat(o.toBuilder().build().assignmentRuleId()).contains("01Q");
        QueryOptions q = QueryOptions.builder().includeDeleted(true).maxRecordsPerPage(500).resultPages(3)
                .lineEnding(LineEnding.CRLF).columnDelimiter(ColumnDelimiter.TAB).poll(p).build();
        assertThat(q.toBuilder().build().toString()).isEqualTo(q.toString());
    }

    @Test
    void optionBuildersRefuseValuesThatMeanNothing() {
        assertThatThrownBy(() -> PollOptions.builder().timeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> PollOptions.builder().pollBackoffMultiplier(0.5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5");
        assertThatThrownBy(() -> IngestOptions.builder().parallelJobs(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("parallelJobs");
        assertThatThrownBy(() -> QueryOptions.builder().resultPages(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("resultPages");
    }

    @Test
    void recordsLookUpColumnsExactlyThenIgnoringCase() {
        BulkRecord r = BulkRecord.of(List.of("sf__Id", "sf__Created", "name", "Empty"),
                List.of("001000000000001AAA", "true", "Acme", ""), 3);
        assertThat(r.get("name")).isEqualTo("Acme");
        assertThat(r.get("Name")).isEqualTo("Acme");
        assertThat(r.get("Empty")).isNull();
        assertThatThrownBy(() -> r.get("Nmae")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Nmae'").hasMessageContaining("[sf__Id, sf__Created, name, Empty]");
        assertThat(r.find("Nmae")).isEmpty();
        assertThat(r.find("Empty")).isEmpty();
        assertThat(r.find("NAME")).contains("Acme");
        assertThat(r.id()).contains("001000000000001AAA");
        assertThat(r.created()).contains(true);
        assertThat(r.inputIndex()).isEqualTo(3);
        assertThat(r.findInputIndex()).hasValue(3);
        assertThat(r.originalFields()).containsOnlyKeys("name", "Empty");
    }

    @Test
    void aRowWhoseInputIsUnknownSaysSoInsteadOfAnIndex() {
        BulkRecord r = BulkRecord.of(List.of("sf__Id"), List.of("001000000000001AAA"), -1);
        assertThat(r.findInputIndex()).isEmpty();
        assertThatThrownBy(r::inputIndex).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not known").hasMessageContaining("attach(jobId, input)");
        assertThat(r.toString()).doesNotContain("@-1");
    }

    @Test
    void operationsParseFromWireNames() {
        assertThat(BulkOperation.fromWireName("hard-delete")).isEqualTo(BulkOperation.HARD_DELETE);
        assertThat(BulkOperation.fromWireName("hardDelete")).isEqualTo(BulkOperation.HARD_DELETE);
        assertThatThrownBy(() -> BulkOperation.fromWireName("merge")).hasMessageContaining("merge");
    }
}
