package dev.kinetic.cli;

import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkJobException;
import dev.kinetic.core.bulk.IncompleteResultException;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.core.bulk.JobStateException;
import java.util.stream.Collectors;

/**
 * Says what to do after a give-up once jobs exist: the exit code (a stalled job is a timeout, a result read only
 * in part or a network give-up is 6, a refused sign-in stays 3, an org's usage error stays 2) and one line naming
 * every job, its last known state and the command that finishes it.
 */
final class JobFailures {
    private JobFailures() {
    }

    static int exitCode(BulkJobException e, KineticCli.Failure cause) {
        if (e instanceof JobStateException s) {
            return s.stalled() ? ExitCodes.TIMEOUT : ExitCodes.NETWORK;
        }
        if (e instanceof IncompleteResultException) {
            return ExitCodes.NETWORK;
        }
        return cause.code() == ExitCodes.OK || cause.code() == ExitCodes.SOME_ROWS_FAILED ? ExitCodes.NETWORK
                : cause.code();
    }

    static String message(BulkJobException e, KineticCli.Failure cause) {
        String what = libraryPart(e.getMessage());
        Throwable c = e.getCause();
        if (c != null && !(c instanceof BulkJobException) && c.getMessage() != null
                && what.startsWith(c.getMessage())) {
            what = cause.message() + what.substring(c.getMessage().length()); // e.g. the org's error with its hint
        }
        String jobs = e.jobs().stream().map(JobFailures::describe).collect(Collectors.joining("; "));
        return what + ". " + jobs;
    }

    /** The library's message without its own advice (attach(...).await()), which the command replaces with its own. */
    private static String libraryPart(String message) {
        int cut = Math.max(message.lastIndexOf("; job "), message.lastIndexOf("; jobs "));
        return cut > 0 && message.indexOf("exist", cut) > 0 ? message.substring(0, cut) : message;
    }

    private static String describe(BulkJob job) {
        String id = job.id();
        if (job.state().equals(JobState.ABORTED)) {
            return "Job " + id + " (Aborted) holds nothing to finish";
        }
        if (job.state().equals(JobState.OPEN)) {
            return "Job " + id + " (last seen Open) was never closed and will not run: abort it with: kinetic job "
                    + "abort " + id;
        }
        return "Job " + id + " (last seen " + job.state().name() + ") is on the org: finish with: kinetic job "
                + "results " + id + (job.isTerminal() ? "" : " (or kinetic job wait " + id + " while it runs)");
    }
}
