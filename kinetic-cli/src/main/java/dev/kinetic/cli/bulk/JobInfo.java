package dev.kinetic.cli.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;

/**
 * A job as the org reports it (JobInfo JSON), with typed access to the fields the command uses. Immutable.
 *
 * @param id                     the job id
 * @param operation              e.g. {@code insert}, {@code query}
 * @param object                 the sObject
 * @param state                  e.g. {@code JobComplete}
 * @param numberRecordsProcessed records processed so far
 * @param numberRecordsFailed    records failed so far (0 for query jobs)
 * @param errorMessage           the reason a job failed, if any
 * @param json                   the whole JobInfo as received
 */
public record JobInfo(String id, String operation, String object, String state, long numberRecordsProcessed,
                      long numberRecordsFailed, Optional<String> errorMessage, JsonNode json) {
    private static final Set<String> TERMINAL = Set.of("JobComplete", "Failed", "Aborted");

    /** Reads a JobInfo JSON object. */
    public static JobInfo of(JsonNode json) {
        String error = json.path("errorMessage").asText("");
        return new JobInfo(json.path("id").asText(), json.path("operation").asText(""),
                json.path("object").asText(""), json.path("state").asText(""),
                json.path("numberRecordsProcessed").asLong(0), json.path("numberRecordsFailed").asLong(0),
                error.isEmpty() ? Optional.empty() : Optional.of(error), json);
    }

    /** Whether the job is over: {@code JobComplete}, {@code Failed} or {@code Aborted}. */
    public boolean terminal() {
        return TERMINAL.contains(state);
    }

    /** Whether this is a query job ({@code query} or {@code queryAll}). */
    public boolean query() {
        return operation.startsWith("query");
    }
}
