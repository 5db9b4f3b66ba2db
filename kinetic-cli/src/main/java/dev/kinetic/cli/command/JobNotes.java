package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
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

    /** Saves the notes under every job of the load; a failure to save only costs row numbers later, so it is ignored. */
    void save(CliContext context) {
        Properties p = new Properties();
        p.setProperty("file", file.toAbsolutePath().toString());
        p.setProperty("encoding", charset.name());
        p.setProperty("size", Long.toString(size));
        p.setProperty("modified", Long.toString(modified));
        p.setProperty("resultColumns", Boolean.toString(resultColumns));
        p.setProperty("jobs", String.join(",", jobs));
        for (String jobId : jobs) {
            Path target = location(context, jobId);
            try {
                Files.createDirectories(target.getParent());
                try (OutputStream out = Files.newOutputStream(target)) {
                    p.store(out, "kinetic job " + jobId);
                }
            } catch (IOException e) {
                // Row numbers of a later 'job results' will be empty; nothing else depends on this.
            }
        }
    }

    /** The notes of a job started from this directory, if any. */
    static Optional<JobNotes> load(CliContext context, String jobId) {
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
