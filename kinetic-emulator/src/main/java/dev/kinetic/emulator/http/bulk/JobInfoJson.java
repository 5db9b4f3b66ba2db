package dev.kinetic.emulator.http.bulk;

import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobKind;
import dev.kinetic.emulator.state.JobState;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders JobInfo JSON field for field as Salesforce does, in the order of its documented examples: the create and
 * PATCH form (no {@code jobType}, no counters), the GET form (with {@code jobType} and counters) and the list form.
 * {@code contentUrl} appears only while an ingest job is Open. Stateless.
 */
final class JobInfoJson {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx")
            .withZone(ZoneOffset.UTC);

    /** Which response the JSON is for. */
    enum Form { CREATE, GET, LIST }

    private JobInfoJson() {
    }

    static Map<String, Object> render(JobInfo job, Form form) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("operation", job.operation());
        m.put("object", job.object());
        m.put("createdById", job.createdById());
        m.put("createdDate", date(job.createdDate()));
        m.put("systemModstamp", date(job.systemModstamp()));
        m.put("state", job.state().wireName());
        job.externalIdFieldName().ifPresent(v -> m.put("externalIdFieldName", v));
        job.assignmentRuleId().ifPresent(v -> m.put("assignmentRuleId", v));
        m.put("concurrencyMode", "Parallel");
        m.put("contentType", "CSV");
        m.put("apiVersion", job.apiVersion());
        if (form != Form.CREATE) {
            m.put("jobType", job.kind().jobType());
        }
        if (job.kind() == JobKind.INGEST && job.state() == JobState.OPEN) {
            m.put("contentUrl", String.format(java.util.Locale.ROOT, "services/data/v%.1f/jobs/ingest/%s/batches",
                    job.apiVersion(), job.id()));
        }
        m.put("lineEnding", job.dialect().lineEnding().name());
        m.put("columnDelimiter", job.dialect().delimiter().name());
        if (form == Form.GET) {
            m.put("numberRecordsProcessed", job.processed());
            if (job.kind() == JobKind.INGEST) {
                m.put("numberRecordsFailed", job.failed());
            }
            m.put("retries", 0);
            m.put("totalProcessingTime", job.totalProcessingTime());
            if (job.kind() == JobKind.INGEST) {
                m.put("apiActiveProcessingTime", job.totalProcessingTime());
                m.put("apexProcessingTime", 0);
            } else {
                m.put("isPkChunkingSupported", true);
            }
            job.errorMessage().ifPresent(v -> m.put("errorMessage", v));
        }
        return m;
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }
}
