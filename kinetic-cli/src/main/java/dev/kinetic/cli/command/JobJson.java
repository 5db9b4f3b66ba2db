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
        map.put("operation", job.operation());
        map.put("object", job.object());
        map.put("createdDate", job.createdDate());
        map.put("systemModstamp", job.systemModstamp());
        map.put("state", job.state().name());
        job.externalIdFieldName().ifPresent(f -> map.put("externalIdFieldName", f));
        map.put("apiVersion", job.apiVersion());
        map.put("lineEnding", job.lineEnding().name());
        map.put("columnDelimiter", job.columnDelimiter().name());
        map.put("numberRecordsProcessed", job.numberRecordsProcessed());
        if (!job.isQuery()) {
            map.put("numberRecordsFailed", job.numberRecordsFailed());
        }
        map.put("retries", job.retries());
        map.put("totalProcessingTime", job.totalProcessingTimeMillis());
        job.errorMessage().ifPresent(m -> map.put("errorMessage", m));
        return map;
    }
}
