package dev.kinetic.core.internal.bulk;

import dev.kinetic.core.bulk.BulkInput;
import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.internal.bind.TypedRows;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/** Turns a {@link BulkInput} into the chunks of its jobs: maps are written as CSV, CSV is checked and cut. */
final class InputChunks {
    private InputChunks() {
    }

    /** Cuts an input into chunks of at most the options' bytes, spooling what cannot be read twice. */
    static List<Chunk> of(BulkInput input, BulkOperation op, CallOptions options) {
        if (input instanceof BulkInput.Rows rows) {
            return MapSplitter.split(rows.rows(), op, options);
        }
        if (input instanceof BulkInput.TypedObjects<?> typed) {
            return MapSplitter.split(typedRows(typed, op), op, options);
        }
        if (input instanceof BulkInput.CsvFile csv) {
            if (!Files.isReadable(csv.file())) {
                throw new IllegalArgumentException("Cannot read the CSV file " + csv.file() + "; check the path");
            }
            return split(csv.file(), false, op, options);
        }
        BulkInput.CsvStream stream = (BulkInput.CsvStream) input;
        Path spool = SpoolDir.newFile("stream");
        try {
            Files.copy(stream.stream(), spool, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(spool);
            throw new UncheckedIOException("Cannot read the CSV stream: " + e.getMessage(), e);
        }
        try {
            return split(spool, true, op, options);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
    }

    private static <T> Iterable<Map<String, ?>> typedRows(BulkInput.TypedObjects<T> typed, BulkOperation op) {
        return TypedRows.of(typed.objects(), typed.type(), op);
    }

    static Charset charsetOf(BulkInput input) {
        if (input instanceof BulkInput.CsvFile f) {
            return f.charset();
        }
        return input instanceof BulkInput.CsvStream s ? s.charset() : StandardCharsets.UTF_8;
    }

    /** The caller's own rows, kept for {@code failedRecordsForRetry} when they can be read again (a list). */
    static List<? extends Map<String, ?>> originals(BulkInput input) {
        return input instanceof BulkInput.Rows r && r.rows() instanceof List<? extends Map<String, ?>> l ? l : null;
    }

    /** Splits a CSV input after proving it decodes in its character set, transcoding it to UTF-8 if needed. */
    private static List<Chunk> split(Path file, boolean spooled, BulkOperation op, CallOptions options) {
        if (options.inputCharset().equals(StandardCharsets.UTF_8)) {
            InputText.check(file, StandardCharsets.UTF_8);
            return FileSplitter.split(file, spooled, op, options);
        }
        Path utf8 = InputText.toUtf8(file, options.inputCharset());
        if (spooled) {
            deleteQuietly(file);
        }
        try {
            return FileSplitter.split(utf8, true, op, options);
        } catch (RuntimeException e) {
            deleteQuietly(utf8);
            throw e;
        }
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // deleted on exit
        }
    }
}
