package dev.kinetic.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.CliContext;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobNotesTest {
    private static final Instant CREATED = Instant.parse("2026-12-02T03:00:00Z");

    @TempDir
    Path dir;

    private CliContext context() {
        return new CliContext(Map.of(), dir, Clock.systemUTC(), false);
    }

    private static BulkJob job(String id, Instant created) {
        return BulkJob.builder(id).operation(BulkOperation.INSERT).object("Account").createdDate(created).build();
    }

    private JobNotes saved(String... ids) throws IOException {
        Path file = Files.writeString(dir.resolve("accounts.csv"), "Name\nA\n");
        JobNotes notes = JobNotes.of(file, StandardCharsets.UTF_8, false, List.of());
        notes.save(context(), List.of(ids).stream().map(id -> job(id, CREATED)).toList());
        return notes;
    }

    @Test
    void theNotesOfAJobAreReadBackUnderEachOfItsJobs() throws IOException {
        JobNotes notes = saved("750Kc000000000001", "750Kc000000000002");

        JobNotes loaded = JobNotes.load(context(), job("750Kc000000000002", CREATED)).orElseThrow();

        assertThat(loaded.file()).isEqualTo(notes.file().toAbsolutePath());
        assertThat(loaded.jobs()).containsExactly("750Kc000000000001", "750Kc000000000002");
        assertThat(loaded.split()).isTrue();
        assertThat(loaded.unchanged()).isTrue();
    }

    @Test
    void notesAreNotReadForAnotherJobThatGotTheSameIdLater() throws IOException {
        saved("750Kc000000000001");

        // e.g. the embedded org was reset and handed out its first job id again
        assertThat(JobNotes.load(context(), job("750Kc000000000001", CREATED.plusSeconds(60)))).isEmpty();
        assertThat(JobNotes.load(context(), job("750Kc000000000009", CREATED))).as("never noted").isEmpty();
    }
}
