package dev.kinetic.spark.write;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * One partition's record under {@code checkpointLocation/partition-N/}: {@code owner} names the attempt that holds
 * the partition (a token {@code stageAttempt.attempt}: a later attempt takes it over, an earlier one never does),
 * {@code chunk-I.jobs} lists the ids of the jobs made for chunk I (each written and forced to disk before any data
 * is uploaded to that job), and {@code done} holds the outcome once the partition is loaded. Files are replaced by
 * atomic moves, so a reader sees a whole file or none. The directory must be shared by the driver and every
 * executor (a POSIX file system such as NFS or a FUSE mount). Thread-safe per attempt (one attempt per object).
 */
final class Checkpoint {
    private final Path dir;
    private final AttemptToken me;

    Checkpoint(Path root, int partition, AttemptToken me) {
        this.dir = root.resolve("partition-" + partition);
        this.me = me;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint folder " + dir + " (" + e.getMessage()
                    + "); give a checkpointLocation that every executor can write", e);
        }
    }

    /** Takes the partition over unless a later attempt holds it; returns the holder that refused it, if any. */
    synchronized Optional<AttemptToken> claim() {
        Optional<AttemptToken> holder = owner();
        if (holder.isPresent() && holder.get().isAfter(me)) {
            return holder;
        }
        replace("owner", me.toString());
        return Optional.empty();
    }

    /** Whether this attempt still holds the partition. */
    boolean stillOwner() {
        return owner().map(me::equals).orElse(false);
    }

    Optional<AttemptToken> owner() {
        return read("owner").map(AttemptToken::parse);
    }

    /** Appends a job id to chunk I's list and forces it to disk. */
    synchronized void recordJob(int chunk, String jobId) {
        Path f = dir.resolve("chunk-" + chunk + ".jobs");
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(StandardCharsets.UTF_8.encode(jobId + "\n"));
            ch.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot record job " + jobId + " in " + f + ": " + e.getMessage(), e);
        }
    }

    /** The jobs recorded for chunk I, oldest first. */
    List<String> jobs(int chunk) {
        return read("chunk-" + chunk + ".jobs").map(t -> t.lines().map(String::strip).filter(l -> !l.isEmpty())
                .toList()).orElse(List.of());
    }

    /** The outcome of a finished partition. */
    Optional<String> done() {
        return read("done");
    }

    void markDone(String outcome) {
        replace("done", outcome);
    }

    Path dir() {
        return dir;
    }

    private Optional<String> read(String name) {
        Path f = dir.resolve(name);
        try {
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private void replace(String name, String text) {
        try {
            Path tmp = Files.createTempFile(dir, name + ".", ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(StandardCharsets.UTF_8.encode(text));
                ch.force(true);
            }
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }
}
