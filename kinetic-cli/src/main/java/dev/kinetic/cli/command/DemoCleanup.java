package dev.kinetic.cli.command;

import dev.kinetic.cli.org.OrgConnection;
import dev.kinetic.cli.output.Console;
import dev.kinetic.core.SalesforceException;
import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkResult;
import dev.kinetic.core.bulk.IngestOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code demo} removes when it ends, so that it leaves nothing behind: on the embedded org the deleted accounts
 * in the recycle bin (a delete keeps them there, where they would pile up run after run), the jobs it created (the
 * org deletes their data and result files with them) and its own folder under {@code .kinetic/demo/}. Not
 * thread-safe.
 */
final class DemoCleanup {
    private final OrgConnection org;
    private final Console console;
    private final List<String> jobIds = new ArrayList<>();

    DemoCleanup(OrgConnection org, Console console) {
        this.org = org;
        this.console = console;
    }

    /** Remembers a step's job; returns the outcome. */
    IngestFlow.Outcome track(IngestFlow.Outcome outcome) {
        track(outcome.job().id());
        return outcome;
    }

    /** Remembers a job. */
    void track(String jobId) {
        jobIds.add(jobId);
    }

    /**
     * On the embedded org, removes the deleted records of an id file from the recycle bin (a hard delete of records
     * already deleted), as Salesforce does by itself after 15 days.
     */
    void emptyRecycleBin(String object, Path idFile) {
        if (!org.embedded()) {
            return;
        }
        BulkResult purged = org.bulk().hardDelete(object, BulkInput.of(idFile),
                IngestOptions.builder().poll(org.poll().build()).build());
        purged.jobs().forEach(job -> track(job.id()));
    }

    /** Deletes the remembered jobs; one that cannot be deleted is named in a warning and left. */
    void deleteJobs() {
        for (String id : jobIds) {
            try {
                org.bulk().deleteJob(id);
            } catch (SalesforceException e) {
                console.warn("Could not delete the demo's job " + id + ": " + e.getMessage()
                        + " (delete it with: kinetic job delete " + id + ")");
            }
        }
        jobIds.clear();
    }

    /** Deletes a run's folder, and {@code .kinetic/demo/} too if nothing else is left in it. */
    static void deleteFiles(Path runDir, Path demoDir) {
        DemoFiles.deleteTree(runDir);
        try {
            Files.deleteIfExists(demoDir);
        } catch (IOException e) {
            // Not empty (another run's files, or the user's): leave it.
        }
    }
}
