package dev.kinetic.cli.command;

import dev.kinetic.cli.CliContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * What the command remembers about a job it started, in {@code .kinetic/jobs/<jobId>.properties} of the working
 * directory, so {@code job wait} and {@code job results} can number result rows by the input file later. Holds no
 * secrets.
 *
 * @param file    the uploaded input file
 * @param charset its character set ({@code --encoding})
 */
record JobNotes(Path file, Charset charset) {
    private static Path location(CliContext context, String jobId) {
        return context.resolve(".kinetic/jobs").resolve(jobId + ".properties");
    }

    /** Saves the notes of a job; a failure to save only costs row numbers later, so it is ignored. */
    void save(CliContext context, String jobId) {
        Properties p = new Properties();
        p.setProperty("file", file.toAbsolutePath().toString());
        p.setProperty("encoding", charset.name());
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
        return Optional.of(new JobNotes(Path.of(p.getProperty("file")), charset));
    }
}
