package dev.kinetic.spark.write;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Failed rows as CSV: the header, then the rows as Salesforce returned them. Not thread-safe. */
final class CsvRowSink implements FailedRowsFormat.RowSink {
    private final CsvWriter csv;

    CsvRowSink(Path file, List<String> header) throws IOException {
        this.csv = CsvWriter.builder().lineDelimiter(LineDelimiter.LF)
                .build(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        csv.writeRecord(header);
    }

    @Override
    public void write(List<String> cells) {
        csv.writeRecord(cells);
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
