package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.ColumnDelimiter;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.LineEnding;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobInfoParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fullJobInfoBecomesTypedFields() throws Exception {
        BulkJob job = JobInfoParser.parse(JSON.readTree("""
                {"id":"7505fEXAMPLE4C2AAM","operation":"upsert","object":"Account","createdById":"005",
                 "createdDate":"2022-01-02T21:33:43.000+0000","systemModstamp":"2022-01-02T21:34:00.000+0000",
                 "state":"JobComplete","externalIdFieldName":"External_Key__c","concurrencyMode":"Parallel",
                 "contentType":"CSV","apiVersion":62.0,"jobType":"V2Ingest","lineEnding":"CRLF",
                 "columnDelimiter":"PIPE","numberRecordsProcessed":"12","numberRecordsFailed":2,"retries":0,
                 "totalProcessingTime":345}"""), JobKind.INGEST);
        assertThat(job.operation()).isEqualTo(BulkOperation.UPSERT);
        assertThat(job.kind()).isEqualTo(JobKind.INGEST);
        assertThat(job.state()).isEqualTo(JobState.JOB_COMPLETE);
        assertThat(job.createdDate()).contains(Instant.parse("2022-01-02T21:33:43Z"));
        assertThat(job.systemModstamp()).contains(Instant.parse("2022-01-02T21:34:00Z"));
        assertThat(job.externalIdFieldName()).contains("External_Key__c");
        assertThat(job.lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(job.columnDelimiter()).isEqualTo(ColumnDelimiter.PIPE);
        assertThat(job.numberRecordsProcessed()).hasValue(12);
        assertThat(job.numberRecordsFailed()).hasValue(2);
        assertThat(job.numberRecordsSucceeded()).hasValue(10);
        assertThat(job.retries()).hasValue(0);
        assertThat(job.totalProcessingTime()).contains(Duration.ofMillis(345));
        assertThat(job.apiVersion()).contains("62.0");
        assertThat(job.errorMessage()).isEmpty();
    }

    @Test
    void aListedJobCarriesNoMadeUpCounts() throws Exception {
        BulkJob job = JobInfoParser.parse(JSON.readTree("""
                {"id":"7505fEXAMPLE4C2AAM","operation":"queryAll","object":"Account","state":"InProgress",
                 "createdDate":"not a date"}"""), JobKind.QUERY);
        assertThat(job.operation()).isEqualTo(BulkOperation.QUERY_ALL);
        assertThat(job.isQuery()).isTrue();
        assertThat(job.numberRecordsProcessed()).isEmpty();
        assertThat(job.numberRecordsFailed()).isEmpty();
        assertThat(job.numberRecordsSucceeded()).isEmpty();
        assertThat(job.retries()).isEmpty();
        assertThat(job.totalProcessingTime()).isEmpty();
        assertThat(job.createdDate()).isEmpty();
        assertThat(job.toString()).doesNotContain("processed");
    }
}
