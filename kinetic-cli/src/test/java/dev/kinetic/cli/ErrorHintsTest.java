package dev.kinetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.BulkApiException;
import org.junit.jupiter.api.Test;

class ErrorHintsTest {
    private static final String OBJECT_HINT = "check the object's API name";
    private static final String JOB_HINT = "check the job id with 'kinetic job list'";

    @Test
    void theHintComesFromTheErrorCodeNotFromWordsInTheMessage() {
        // a message that talks of a "job" about an unknown object is still the object's fault
        String explained = ErrorHints.explain(new BulkApiException(400, "INVALIDENTITY",
                "Entity 'Acount' is not supported by this job type", "POST /jobs/ingest"));

        assertThat(explained).contains(OBJECT_HINT).doesNotContain(JOB_HINT, "POST");
    }

    @Test
    void notFoundOnARequestAboutOneJobIsTheJobIdsFault() {
        assertThat(ErrorHints.explain(new BulkApiException(404, "NOT_FOUND", "The requested resource does not "
                + "exist", "GET /jobs/ingest/750000000000000AAA"))).contains(JOB_HINT);
        assertThat(ErrorHints.explain(new BulkApiException(404, "NOT_FOUND", "The requested job does not exist",
                "POST /jobs/query"))).contains(OBJECT_HINT).doesNotContain(JOB_HINT);
    }

    @Test
    void aFailedJobsErrorMessageIsHintedByTheCodeItStartsWith() {
        assertThat(ErrorHints.forJobError("InvalidBatch : Field name not found : Nme"))
                .hasValue("check the field names against the object's API names");
        assertThat(ErrorHints.forJobError("Something else happened")).isEmpty();
    }
}
