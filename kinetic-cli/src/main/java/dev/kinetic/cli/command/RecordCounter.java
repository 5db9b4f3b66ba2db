package dev.kinetic.cli.command;

import dev.kinetic.cli.input.CsvInputFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Counts a CSV file's data records (line feeds outside quotes, after the header) in one streamed pass, for the
 * progress bar's total and the {@code --async} summary: the library counts the rows it uploads but does not report
 * the number.
 */
final class RecordCounter {
    private RecordCounter() {
    }

    /** The number of data records in the file (a last line without a line feed counts). */
    static long count(CsvInputFile input) {
        long lineFeeds = 0;
        boolean quoted = false;
        int last = -1;
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = input.openData()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (b == '"') {
                        quoted = !quoted;
                    } else if (b == '\n' && !quoted) {
                        lineFeeds++;
                    }
                }
                last = buffer[n - 1];
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + input.path() + ": " + e.getMessage(), e);
        }
        long lines = lineFeeds + (last >= 0 && last != '\n' ? 1 : 0);
        return Math.max(0, lines - 1);
    }
}
