package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import dev.kinetic.core.bulk.BulkJob;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What the command remembers about a job it started, in {@code .kinetic/jobs/<jobId>.properties} of the working
 * directory, so {@code job wait}, {@code job results} and {@code retry} can read the input file later. Holds no
 * secrets.
 *
 * @param file          the input file as given (before its result columns were left out, if it had any)
 * @param charset       its character set ({@code --encoding})
 * @param size          its size in bytes when it was loaded
 * @param modified      its last-modified time (milliseconds since the epoch) when it was loaded
 * @param resultColumns whether its result columns ({@code row}, {@code sf__*}) were left out of the upload
 * @param jobs          every job of the load, in input order (more than one when the file was split)
 */
record JobNotes(Path file, Charset charset, long size, long modified, boolean resultColumns, List<String> jobs) {
    private static final String CREATED = "created.";

    /** Copies the job list. */
    JobNotes {
        jobs = List.copyOf(jobs);
    }

    /** Notes on a file as it is now. */
    static JobNotes of(Path file, Charset charset, boolean resultColumns, List<String> jobs) {
        try {
            return new JobNotes(file, charset, Files.size(file), Files.getLastModifiedTime(file).toMillis(),
                    resultColumns, jobs);
        } catch (IOException e) {
            return new JobNotes(file, charset, -1, -1, resultColumns, jobs);
        }
    }

    private static Path location(CliContext context, String jobId) {
        return context.resolve(".kinetic/jobs").resolve(jobId + ".properties");
    }

    /** Whether the load was split over several jobs. */
    boolean split() {
        return jobs.size() > 1;
    }

    /** Whether the file has the size and modification time it had when it was loaded. */
    boolean unchanged() throws IOException {
        return size >= 0 && Files.size(file) == size && Files.getLastModifiedTime(file).toMillis() == modified;
    }

    /**
     * Saves the notes, with these jobs as the load's jobs, under every one of them; a failure to save only costs row
     * numbers later, so it is ignored. Each job's creation time is kept too: a job id can come again (an embedded
     * org that was reset hands out its first ids again), and notes are only read for the job they were written for.
     */
    void save(CliContext context, List<BulkJob> started) {
        Properties p = new Properties();
        p.setProperty("file", file.toAbsolutePath().toString());
        p.setProperty("encoding", charset.name());
        p.setProperty("size", Long.toString(size));
        p.setProperty("modified", Long.toString(modified));
        p.setProperty("resultColumns", Boolean.toString(resultColumns));
        p.setProperty("jobs", String.join(",", started.stream().map(BulkJob::id).toList()));
        for (BulkJob job : started) {
            job.createdDate().ifPresent(created -> p.setProperty(CREATED + job.id(), created.toString()));
        }
        for (BulkJob job : started) {
            Path target = location(context, job.id());
            try {
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    p.store(out, "kinetic job " + job.id());
                }
            } catch (IOException e) {
                // Row numbers of a later 'job results' will be empty; nothing else depends on this.
            }
        }
    }

    /**
     * The notes of a job started from this directory, if any: none when the notes were written for another job of
     * the same id (created at another time), so a reused id never numbers rows from the wrong file.
     */
    static Optional<JobNotes> load(CliContext context, BulkJob job) {
        String jobId = job.id();
        Path source = location(context, jobId);
        if (!Files.isRegularFile(source)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(source)) {
            p.load(in);
        } catch (IOException e) {
            return Optional.empty();
        }
        Optional<String> noted = Optional.ofNullable(p.getProperty(CREATED + jobId));
        if (noted.isPresent() && job.createdDate().isPresent()
                && !noted.get().equals(job.createdDate().get().toString())) {
            return Optional.empty();
        }
        Charset charset;
        try {
            charset = Charset.forName(p.getProperty("encoding", "UTF-8"));
        } catch (IllegalArgumentException e) {
            charset = StandardCharsets.UTF_8;
        }
        List<String> jobs = Arrays.stream(p.getProperty("jobs", jobId).split(",")).filter(s -> !s.isBlank())
                .toList();
        return Optional.of(new JobNotes(Path.of(p.getProperty("file")), charset, number(p, "size"),
                number(p, "modified"), Boolean.parseBoolean(p.getProperty("resultColumns")), jobs));
    }

    private static long number(Properties p, String key) {
        try {
            return Long.parseLong(p.getProperty(key, "-1"));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
