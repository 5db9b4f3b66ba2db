package dev.kinetic.emulator.service.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import dev.kinetic.emulator.state.BatchLog;
import dev.kinetic.emulator.state.CsvDialect;
import dev.kinetic.emulator.state.JobFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJournalTest {
    private static final String JOB = "750000000000001AAA";

    @TempDir
    Path dir;

    private Database database;
    private JobFiles files;
    private final StringBuilder successes = new StringBuilder();
    private final StringBuilder failures = new StringBuilder();

    @BeforeEach
    void open() {
        database = Database.inMemory(Schema.defaultOrg());
        files = new JobFiles(dir.resolve("job")).create();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void aBatchsResultRowsAreItsSuccessesThenItsFailuresAndItsLogEntryHasTheirLengths() throws Exception {
        BatchJournal journal = committed(3_000, 4);

        byte[] ok = successes.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = failures.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(ok.length).as("more than two 64 KB blocks of successes").isGreaterThan(2 << 16);
        assertThat(Files.readString(files.batchResults(4))).isEqualTo(successes + failures.toString());
        BatchLog.Entry expected = new BatchLog.Entry(4, 3_000, 429, ok.length, bad.length);
        assertThat(journal.entry()).isEqualTo(expected);
        assertThat(new BatchLog(database).committed(JOB)).containsEntry(4, expected);
    }

    @Test
    void aBatchLoggedWithOtherResultsThanItPreparedWritesThoseInstead() throws Exception {
        BatchJournal journal = new BatchJournal(new BatchLog(database), files, CsvDialect.DEFAULT, JOB, 1);
        journal.prepare(results(50)); // the optimistic attempt, rolled back
        successes.setLength(0);
        failures.setLength(0);
        List<DmlRowResult> redone = results(20);

        journal.alone(database, redone);

        assertThat(Files.readString(files.batchResults(1))).isEqualTo(successes + failures.toString());
        assertThat(journal.rows()).isEqualTo(20);
        assertThat(journal.logged(redone)).isTrue();
    }

    @Test
    void theJobsResultFilesTakeEachCommittedBatchsRowsFromItsFileAfterTheirHeaders() throws Exception {
        BatchJournal journal = committed(1_000, 0);

        try (ResultFiles r = resultFiles("Name,Other\nrow,1\n")) {
            r.restore(files, List.of(journal.entry()));
            r.unprocessed(new long[] {"Name,Other\n".length(), "Name,Other\nrow,1\n".length()});
        }

        assertThat(Files.readString(files.successes())).isEqualTo("\"sf__Id\",\"sf__Created\",Name,Other\n" + successes);
        assertThat(Files.readString(files.failures())).isEqualTo("\"sf__Id\",\"sf__Error\",Name,Other\n" + failures);
        assertThat(Files.readString(files.unprocessed())).isEqualTo("Name,Other\nrow,1\n");
    }

    @Test
    void aCommittedBatchWhoseResultsFileIsShortIsRefusedByName() throws Exception {
        BatchJournal journal = committed(10, 2);
        Files.write(files.batchResults(2), new byte[5]);

        try (ResultFiles r = resultFiles("Name,Other\n")) {
            assertThatThrownBy(() -> r.restore(files, List.of(journal.entry()))).isInstanceOf(IOException.class)
                    .hasMessageContaining("committed batch 2 are missing");
        }
    }

    // A journal whose batch of n rows has been prepared and logged (committed on its own).
    private BatchJournal committed(int n, int batch) throws Exception {
        List<DmlRowResult> results = results(n);
        BatchJournal journal = new BatchJournal(new BatchLog(database), files, CsvDialect.DEFAULT, JOB, batch);
        List<DmlRowResult> kept = journal.prepare(results);
        assertThat(kept).as("a stand-in of the results' size, not the results").hasSize(n).isNotSameAs(results);
        journal.alone(database, kept);
        assertThat(journal.logged(kept)).isTrue();
        return journal;
    }

    // The result files of a job whose upload is this text, with the header Name,Other.
    private ResultFiles resultFiles(String upload) throws IOException {
        Files.writeString(files.upload(), upload);
        CsvScanner.Plan plan = new CsvScanner.Plan(0, "Name,Other".length(), List.of(), 0);
        return ResultFiles.open(files, CsvDialect.DEFAULT, List.of("Name", "Other"), plan);
    }

    // Every seventh row fails; values with a delimiter and quotes. The expected CSV is kept alongside.
    private List<DmlRowResult> results(int n) {
        List<DmlRowResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = "Account number " + i + " with a longer name";
            String other = i % 3 == 0 ? "x,\"y\"" : "";
            String echo = "\"" + name + "\",\"" + other.replace("\"", "\"\"") + "\"\n";
            if (i % 7 == 0) {
                String error = "REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --";
                out.add(new DmlRowResult(false, "", false, error, List.of(name, other)));
                failures.append("\"\",\"").append(error).append("\",").append(echo);
            } else {
                String id = String.format("001%015d", i);
                out.add(new DmlRowResult(true, id, true, null, List.of(name, other)));
                successes.append('"').append(id).append("\",\"true\",").append(echo);
            }
        }
        return out;
    }
}
