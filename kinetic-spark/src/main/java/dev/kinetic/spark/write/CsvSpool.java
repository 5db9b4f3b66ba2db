package dev.kinetic.spark.write;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Spools a partition's rows to local CSV chunk files of at most {@code maxBytes} each (every chunk repeats the
 * header), written the way Salesforce reads them: a null is an empty cell (the field is left as it is), numbers in
 * plain notation, dates {@code yyyy-MM-dd}, timestamps in UTC with milliseconds and {@code Z}. Memory holds one row.
 * Not thread-safe.
 */
final class CsvSpool implements AutoCloseable {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private final Path dir;
    private final StructType schema;
    private final int[] columns;
    private final long maxBytes;
    private final List<Path> chunks = new ArrayList<>();
    private final List<Long> rowsPerChunk = new ArrayList<>();
    private CountingWriter out;
    private CsvWriter csv;
    private long rows;

    /**
     * @param dir where the chunk files go
     * @param schema the rows' schema
     * @param columns the positions of the columns to write (delete writes the Id only)
     * @param maxBytes the most bytes per chunk
     */
    CsvSpool(Path dir, StructType schema, int[] columns, long maxBytes) {
        this.dir = dir;
        this.schema = schema;
        this.columns = columns.clone();
        this.maxBytes = maxBytes;
    }

    void write(InternalRow row) throws IOException {
        if (csv == null || out.count() >= maxBytes) {
            next();
        }
        String[] cells = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            int c = columns[i];
            cells[i] = row.isNullAt(c) ? "" : cell(row, c, schema.fields()[c].dataType(), schema.fields()[c].name());
        }
        csv.writeRecord(cells);
        rows++;
        rowsPerChunk.set(rowsPerChunk.size() - 1, rowsPerChunk.get(rowsPerChunk.size() - 1) + 1);
    }

    private void next() throws IOException {
        closeCurrent();
        Path file = dir.resolve("chunk-" + chunks.size() + ".csv");
        out = new CountingWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
        csv = CsvWriter.builder().lineDelimiter(de.siegmar.fastcsv.writer.LineDelimiter.LF).build(out);
        String[] header = new String[columns.length];
        for (int i = 0; i < columns.length; i++) {
            header[i] = schema.fields()[columns[i]].name();
        }
        csv.writeRecord(header);
        chunks.add(file);
        rowsPerChunk.add(0L);
    }

    private static String cell(InternalRow row, int c, DataType t, String name) {
        if (t == DataTypes.StringType) {
            return row.getUTF8String(c).toString();
        }
        if (t == DataTypes.BooleanType) {
            return Boolean.toString(row.getBoolean(c));
        }
        if (t == DataTypes.IntegerType) {
            return Integer.toString(row.getInt(c));
        }
        if (t == DataTypes.LongType) {
            return Long.toString(row.getLong(c));
        }
        if (t == DataTypes.ShortType) {
            return Short.toString(row.getShort(c));
        }
        if (t == DataTypes.DoubleType || t == DataTypes.FloatType) {
            double d = t == DataTypes.DoubleType ? row.getDouble(c) : row.getFloat(c);
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (t instanceof DecimalType d) {
            return row.getDecimal(c, d.precision(), d.scale()).toJavaBigDecimal().toPlainString();
        }
        if (t == DataTypes.DateType) {
            return LocalDate.ofEpochDay(row.getInt(c)).toString();
        }
        if (t == DataTypes.TimestampType) {
            long micros = row.getLong(c);
            return DATETIME.format(Instant.EPOCH.plusNanos(Math.multiplyExact(micros, 1000L)));
        }
        throw new IllegalArgumentException("Column '" + name + "' has type " + t.simpleString()
                + ", which cannot be sent to Salesforce; cast it to string, number, boolean, date or timestamp");
    }

    /** @return the chunk files, each with its header */
    List<Path> chunks() {
        return List.copyOf(chunks);
    }

    /** @return data rows per chunk */
    List<Long> rowsPerChunk() {
        return List.copyOf(rowsPerChunk);
    }

    /** @return data rows written */
    long rows() {
        return rows;
    }

    private void closeCurrent() throws IOException {
        if (csv != null) {
            csv.close();
            csv = null;
        }
    }

    @Override
    public void close() {
        try {
            closeCurrent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts the characters written (a close bound of the bytes for the 150 MB limit: UTF-8 may be larger). */
    private static final class CountingWriter extends java.io.FilterWriter {
        private long count;

        CountingWriter(Writer w) {
            super(w);
        }

        long count() {
            return count;
        }

        @Override
        public void write(int c) throws IOException {
            super.write(c);
            count += c < 0x80 ? 1 : 3;
        }

        @Override
        public void write(char[] b, int off, int len) throws IOException {
            super.write(b, off, len);
            count += len;
        }

        @Override
        public void write(String s, int off, int len) throws IOException {
            super.write(s, off, len);
            count += len;
        }
    }
}
