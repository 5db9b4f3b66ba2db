package dev.kinetic.spark.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.JobState;
import dev.kinetic.emulator.LocalOrgCredentials;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.InjectedFault;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgTest;
import dev.kinetic.spark.SalesforceOptions;
import dev.kinetic.spark.SparkOrg;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speculation at the level Spark cannot reach in {@code local} mode (it never launches a speculative copy there, see
 * {@code SpeculationIT}): two task attempts of the same partition, an original ({@code 0.0}) and a speculative copy
 * ({@code 0.1}), each with its own {@link PartitionLoader} (Spark's DataWriter), commit AT THE SAME TIME in two
 * threads against one local org, without Spark's commit coordinator (so this is stricter than a real job, where the
 * coordinator lets one attempt commit at a time). One attempt is made slow by a delay the org injects. Whichever
 * finishes first, the org ends with each row once, and the outcome the driver would commit counts each row once.
 */
@LocalOrgTest
class ConcurrentAttemptsIT {
    private static final int ROWS = 2_000;
    /** Long enough for the other attempt to load 2,000 rows start to end on a busy 2-core machine. */
    private static final Duration HELD = Duration.ofSeconds(10);
    private static final StructType SCHEMA = new StructType().add("Name", DataTypes.StringType);

    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @TempDir
    Path tmp;

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private PartitionLoader attempt(LocalOrgCredentials org, AttemptToken token) throws IOException {
        SalesforceOptions options = new SalesforceOptions(SparkOrg.options(org));
        LoadSettings settings = new LoadSettings("Account", BulkOperation.INSERT, null,
                tmp.resolve("cp").toString(), null, FailedRowsFormat.CSV, LoadSettings.DEFAULT_MAX_BYTES);
        PartitionLoader loader = new PartitionLoader(options, settings, SCHEMA, 0, token);
        for (int i = 0; i < ROWS; i++) {
            loader.write(new GenericInternalRow(new Object[] {UTF8String.fromString("S" + i)}));
        }
        return loader;
    }

    @Test
    void aSpeculativeCopyArrivingWhileTheOriginalUploadsTakesThePartitionAndEachRowLoadsOnce(
            SalesforceClient client, LocalOrgCredentials org, LocalOrgControl control) throws Exception {
        // The original's upload is held in the org; the copy arrives meanwhile, finishes first, the original last.
        InjectedFault slowUpload = control.inject(FaultSpec.onUploads().delay(HELD).times(1));
        PartitionLoader original = attempt(org, new AttemptToken(0, 0));
        PartitionLoader copy = attempt(org, new AttemptToken(0, 1));
        Path partition = Files.createDirectories(tmp.resolve("cp/partition-0"));

        Future<LoadReport> first = threads.submit(original::commit);
        awaitFile(partition, "chunk-0.jobs"); // the original made and recorded its job, and is uploading to it
        String originalJob = new Checkpoint(tmp.resolve("cp"), 0, new AttemptToken(0, 0)).jobs(0).get(0);
        Future<LoadReport> second = threads.submit(copy::commit);

        LoadReport won = second.get(60, TimeUnit.SECONDS);
        assertThat(first).as("the original is still held in its upload when the copy has finished").isNotDone();
        assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        original.abort(); // what Spark does with the attempt that did not commit
        assertThat(slowUpload.injections()).isEqualTo(1);

        assertThat(won.succeeded()).isEqualTo(ROWS);
        assertThat(won.jobIds()).hasSize(1).doesNotContain(originalJob);
        BulkJob aborted = client.bulk().getJob(originalJob);
        assertThat(aborted.state()).isEqualTo(JobState.ABORTED);
        assertThat(aborted.numberRecordsProcessed().orElse(0)).isZero();
        assertEachRowOnce(client, won);
        close(original, copy);
    }

    @Test
    void anOriginalThatFinishesWhileItsSpeculativeCopyIsSlowKeepsItsLoadAndTheCopyLoadsNothing(
            SalesforceClient client, LocalOrgCredentials org, LocalOrgControl control) throws Exception {
        // The original holds the partition; the copy starts while it runs but is held signing in, and reaches the
        // partition after the original finished.
        PartitionLoader original = attempt(org, new AttemptToken(0, 0));
        PartitionLoader copy = attempt(org, new AttemptToken(0, 1));
        Path partition = Files.createDirectories(tmp.resolve("cp/partition-0"));

        Future<LoadReport> first = threads.submit(original::commit);
        awaitFile(partition, "owner"); // the original signed in and claimed the partition
        InjectedFault slowSignIn = control.inject(FaultSpec.onSignIn().delay(HELD).times(1));
        Future<LoadReport> second = threads.submit(copy::commit);

        LoadReport won = first.get(60, TimeUnit.SECONDS);
        assertThat(second).as("the copy is still held signing in when the original has finished").isNotDone();
        LoadReport late = second.get(60, TimeUnit.SECONDS);
        copy.abort(); // the driver commits the first outcome it receives; the copy's is dropped
        assertThat(slowSignIn.injections()).isEqualTo(1);

        assertThat(won.succeeded()).isEqualTo(ROWS);
        assertThat(won.resumed()).isFalse();
        assertThat(late.resumed()).as("the copy took the recorded outcome instead of loading").isTrue();
        assertThat(late.jobIds()).isEqualTo(won.jobIds());
        assertEachRowOnce(client, won);
        close(original, copy);
    }

    /** The org holds each row once, and only the committed outcome's jobs processed any row. */
    private static void assertEachRowOnce(SalesforceClient client, LoadReport committed) {
        List<String> names = client.bulk().query("SELECT Name FROM Account").records().stream()
                .map(r -> r.get("Name")).toList();
        assertThat(names).hasSize(ROWS).doesNotHaveDuplicates();
        long processedElsewhere = 0;
        for (BulkJob j : client.bulk().listJobs(JobKind.INGEST).jobs()) {
            if (!committed.jobIds().contains(j.id())) {
                processedElsewhere += client.bulk().getJob(j.id()).numberRecordsProcessed().orElse(0);
            }
        }
        assertThat(processedElsewhere).isZero();
    }

    private static void close(PartitionLoader... loaders) {
        for (PartitionLoader l : loaders) {
            l.close();
        }
    }

    /** Waits for a file to appear in a folder (a file-system event, not a sleep), at most 60 s. */
    private static void awaitFile(Path dir, String name) throws IOException, InterruptedException {
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(dir.resolve(name))) {
                long left = deadline - System.nanoTime();
                WatchKey key = left > 0 ? watch.poll(left, TimeUnit.NANOSECONDS) : null;
                if (key == null) {
                    throw new AssertionError(name + " did not appear in " + dir + " within 60 s");
                }
                key.pollEvents();
                key.reset();
            }
        }
    }
}
