package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.IngestOptions;
import dev.kinetic.core.bulk.PollOptions;
import dev.kinetic.core.bulk.QueryOptions;
import java.nio.charset.Charset;

/** Fills the library's internal {@link CallOptions} from the public options of one call. */
final class OptionsMapper {
    private OptionsMapper() {
    }

    /** The options of an ingest call; {@code externalIdField} is set for an upsert only. */
    static CallOptions ingest(IngestOptions o, String externalIdField, Charset inputCharset, boolean wait) {
        return poll(CallOptions.builder(), o.poll()).waitForCompletion(wait).lineEnding(o.lineEnding())
                .columnDelimiter(o.columnDelimiter()).assignmentRuleId(o.assignmentRuleId().orElse(null))
                .externalIdField(externalIdField).maxBytesPerJob(o.maxBytesPerJob()).parallelJobs(o.parallelJobs())
                .onUploadProgress(o.onUploadProgress()).onJobCreated(o.onJobCreated()).inputCharset(inputCharset).build();
    }

    /** The options of a query call. */
    static CallOptions query(QueryOptions o) {
        return poll(CallOptions.builder(), o.poll()).maxRecordsPerPage(o.maxRecordsPerPage())
                .resultPages(o.resultPages()).lineEnding(o.lineEnding()).columnDelimiter(o.columnDelimiter())
                .onRecordsRead(o.onRecordsRead()).build();
    }

    /** The options of a wait. */
    static CallOptions poll(PollOptions p) {
        return poll(CallOptions.builder(), p).build();
    }

    private static CallOptions.Builder poll(CallOptions.Builder b, PollOptions p) {
        return b.timeout(p.timeout().orElse(null)).stallTimeout(p.stallTimeout().orElse(null))
                .pollInterval(p.pollInterval()).pollBackoffMultiplier(p.pollBackoffMultiplier())
                .maxPollInterval(p.maxPollInterval()).onProgress(p.onProgress());
    }
}
