package dev.kinetic.cli.command;

import dev.kinetic.core.bulk.BulkJob;
import java.util.LinkedHashMap;
import java.util.Map;

/** A job as the plain map of the {@code --json} output, with Salesforce's JobInfo field names. */
final class JobJson {
    private JobJson() {
    }

    /** The job's fields, in JobInfo order; absent optional fields are left out. */
    static Map<String, Object> toMap(BulkJob job) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", job.id());
        map.put("operation", job.operation().wireName());
        map.put("object", job.object());
        job.createdDate().ifPresent(t -> map.put("createdDate", t.toString()));
        job.systemModstamp().ifPresent(t -> map.put("systemModstamp", t.toString()));
        map.put("state", job.state().name());
        job.externalIdFieldName().ifPresent(f -> map.put("externalIdFieldName", f));
        job.apiVersion().ifPresent(v -> map.put("apiVersion", v));
        map.put("lineEnding", job.lineEnding().name());
        map.put("columnDelimiter", job.columnDelimiter().name());
        job.numberRecordsProcessed().ifPresent(n -> map.put("numberRecordsProcessed", n));
        job.numberRecordsFailed().ifPresent(n -> map.put("numberRecordsFailed", n));
        job.retries().ifPresent(n -> map.put("retries", n));
        job.totalProcessingTime().ifPresent(t -> map.put("totalProcessingTime", t.toMillis()));
        job.errorMessage().ifPresent(m -> map.put("errorMessage", m));
        return map;
    }
}
