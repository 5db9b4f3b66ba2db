package dev.kinetic.spark.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How failed rows are written to {@code failedRecordsPath}: {@code csv} (as Salesforce returned them) or
 * {@code parquet} (every column as a nullable string, an empty cell as null).
 */
enum FailedRowsFormat {
    CSV("csv"),
    PARQUET("parquet");

    private final String extension;

    FailedRowsFormat(String extension) {
        this.extension = extension;
    }

    /** @return the file name extension, without the dot */
    String extension() {
        return extension;
    }

    /**
     * @param value the option's value
     * @return the format
     * @throws IllegalArgumentException naming the value and the choices
     */
    static FailedRowsFormat of(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "csv" -> CSV;
            case "parquet" -> PARQUET;
            default -> throw new IllegalArgumentException("The option 'failedRecordsFormat' is '" + value
                    + "'; use csv or parquet");
        };
    }

    /** Opens a sink writing this format to a file whose columns are {@code header}. */
    RowSink open(Path file, List<String> header) throws IOException {
        return this == CSV ? new CsvRowSink(file, header) : new ParquetRowSink(file, header);
    }

    /** Rows written one at a time to one file. Not thread-safe. */
    interface RowSink extends AutoCloseable {
        /** @param cells one row, in the header's order */
        void write(List<String> cells) throws IOException;

        @Override
        void close() throws IOException;
    }
}
