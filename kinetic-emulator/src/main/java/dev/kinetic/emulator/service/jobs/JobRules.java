package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.Job;
import dev.kinetic.emulator.state.JobInfo;
import dev.kinetic.emulator.state.JobKind;
import dev.kinetic.emulator.state.JobState;
import dev.kinetic.emulator.state.JobStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Rules that ingest and query jobs share: dialect validation, lookup, list paging, abort and delete checks. */
final class JobRules {
    static final int LIST_PAGE = 1000;

    private JobRules() {
    }

    static CsvDialect dialect(String contentType, String columnDelimiter, String lineEnding) {
        if (contentType != null && !contentType.equals("CSV")) {
            throw JobException.invalid("INVALIDJOB", "contentType '" + contentType
                    + "' is not supported; Bulk API 2.0 jobs take CSV");
        }
        CsvDialect.Delimiter d = columnDelimiter == null ? CsvDialect.Delimiter.COMMA
                : CsvDialect.Delimiter.fromWireName(columnDelimiter).orElseThrow(() -> JobException.invalid(
                "INVALIDJOB", "columnDelimiter '" + columnDelimiter
                        + "' is not valid; use BACKQUOTE, CARET, COMMA, PIPE, SEMICOLON or TAB"));
        CsvDialect.LineEnding e = lineEnding == null ? CsvDialect.LineEnding.LF
                : CsvDialect.LineEnding.fromWireName(lineEnding).orElseThrow(() -> JobException.invalid(
                "INVALIDJOB", "lineEnding '" + lineEnding + "' is not valid; use LF or CRLF"));
        return new CsvDialect(d, e);
    }

    static Job find(JobStore store, JobKind kind, String id) {
        return store.find(id).filter(j -> j.info().kind() == kind).orElseThrow(JobException::notFound);
    }

    /** Salesforce's refusal to abort a job that has ended. */
    static JobException cannotAbort(JobState state) {
        String word = state == JobState.JOB_COMPLETE ? "Completed" : state.wireName();
        return JobException.invalid("INVALIDJOBSTATE", "Aborting already " + word + " Job not allowed");
    }

    /** Salesforce's refusal to delete a job that has not ended. */
    static JobException notTerminated() {
        return JobException.invalid("API_ERROR",
                "Error encountered when deleting the job because the job is not terminated");
    }

    static JobPage list(JobStore store, JobKind kind, Optional<String> locator, Optional<String> jobType,
                        boolean pkChunking) {
        int offset = locator.map(JobRules::decodeListLocator).orElse(0);
        List<Job> all = store.list(kind);
        if (pkChunking || jobType.filter(t -> !t.equals(kind.jobType())).isPresent()) {
            all = List.of();
        }
        List<JobInfo> page = new ArrayList<>();
        for (int i = offset; i < Math.min(all.size(), offset + LIST_PAGE); i++) {
            page.add(all.get(i).info());
        }
        int next = offset + LIST_PAGE;
        return new JobPage(page, next < all.size() ? Optional.of(encodeListLocator(next)) : Optional.empty());
    }

    private static String encodeListLocator(int offset) {
        return "01g" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("jobs-" + offset).getBytes(StandardCharsets.US_ASCII));
    }

    private static int decodeListLocator(String locator) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(locator.substring(3)), StandardCharsets.US_ASCII);
            if (locator.startsWith("01g") && text.startsWith("jobs-")) {
                int offset = Integer.parseInt(text.substring(5));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            // Falls through to the error below.
        }
        throw JobException.invalid("INVALID_QUERY_LOCATOR", "queryLocator '" + locator
                + "' is not valid; use the nextRecordsUrl of the previous page as it is");
    }
}
