package dev.kinetic.core.bulk;

import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The data of an ingest call, the one way to give input to every operation: rows as maps (an {@code Iterable} or a
 * {@code Stream}), record ids, a CSV file or CSV read from a stream. Create one with the static factories; the
 * nested records are what the library reads and are not meant to be built directly. Immutable (an iterable, stream
 * or input stream given to it is read when the call runs; a stream once).
 *
 * <p>Map values are written as CSV the Salesforce way: {@code null} as {@code #N/A} (set the field to null), an
 * absent key leaves the field unchanged, numbers in plain notation, {@code LocalDate} as {@code yyyy-MM-dd},
 * {@code Instant}/{@code OffsetDateTime} as ISO-8601 UTC with milliseconds. The header is the union of all keys,
 * {@code Id} first. A CSV input must have a header row and the delimiter and line ending of the call's
 * {@link IngestOptions}; other character sets than UTF-8 are transcoded, and input that does not decode is refused
 * before anything is sent, naming its line.
 *
 * <p>Typed objects (Java records or beans, see {@link RecordType} for the columns and how nulls are sent) are
 * converted one at a time as the input is read; a result row's {@link BulkRecord#inputIndex()} is the position of
 * its object in the list or stream, so {@code objects.get((int) row.inputIndex())} is the object back.
 */
public sealed interface BulkInput permits BulkInput.Rows, BulkInput.TypedObjects, BulkInput.CsvFile,
        BulkInput.CsvStream {

    /**
     * Rows as maps. A {@code List} is also what {@link BulkResult#failedRecordsForRetry()} hands back for a retry.
     *
     * @param rows the rows, traversed once per call
     * @return the input
     */
    static BulkInput ofRows(Iterable<? extends Map<String, ?>> rows) {
        return new Rows(rows);
    }

    /**
     * Rows from a stream of maps, consumed once and spooled to disk (never held in memory).
     *
     * @param rows the rows
     * @return the input
     */
    static BulkInput ofStream(Stream<? extends Map<String, ?>> rows) {
        Objects.requireNonNull(rows, "rows == null");
        Iterable<Map<String, ?>> once = () -> rows.<Map<String, ?>>map(r -> r).iterator();
        return new Rows(once);
    }

    /**
     * Typed objects, records or beans, of the class of the first object with the {@link RecordType} defaults
     * (nulls sent as {@code #N/A}).
     *
     * @param objects the objects, all of one class
     * @param <T> their type
     * @return the input
     * @throws IllegalArgumentException if the class cannot be bound (see {@link RecordType#of(Class)})
     */
    static <T> BulkInput ofObjects(List<T> objects) {
        Objects.requireNonNull(objects, "objects == null");
        if (objects.isEmpty()) {
            return new Rows(List.of());
        }
        @SuppressWarnings("unchecked")
        Class<T> type = (Class<T>) Objects.requireNonNull(objects.get(0), "The object at index 0 is null").getClass();
        return new TypedObjects<>(objects, RecordType.of(type));
    }

    /**
     * Typed objects from a stream, consumed once and spooled to disk as CSV (never held in memory).
     *
     * @param objects the objects
     * @param type their class
     * @param <T> their type
     * @return the input
     * @throws IllegalArgumentException if the class cannot be bound (see {@link RecordType#of(Class)})
     */
    static <T> BulkInput ofObjects(Stream<? extends T> objects, Class<T> type) {
        Objects.requireNonNull(objects, "objects == null");
        Iterable<T> once = () -> objects.<T>map(o -> o).iterator();
        return new TypedObjects<>(once, RecordType.of(type));
    }

    /**
     * Typed objects with a binding of your choice (e.g. {@link RecordType#leaveNullFieldsUnchanged()}): the general
     * form. A {@code Collection} is read twice (keys are checked before anything is sent), another iterable once.
     *
     * @param objects the objects
     * @param type the binding
     * @param <T> their type
     * @return the input
     */
    static <T> BulkInput ofObjects(Iterable<? extends T> objects, RecordType<T> type) {
        return new TypedObjects<>(objects, type);
    }

    /**
     * One {@code Id} row per record id, for delete and hardDelete.
     *
     * @param ids the record ids
     * @return the input
     */
    static BulkInput ofIds(Collection<String> ids) {
        Objects.requireNonNull(ids, "ids == null");
        Iterable<Map<String, ?>> rows = () -> ids.stream().<Map<String, ?>>map(id -> Collections.singletonMap("Id",
                id)).iterator();
        return new Rows(rows);
    }

    /**
     * A UTF-8 CSV file with a header row, streamed from disk.
     *
     * @param csvFile the file
     * @return the input
     */
    static BulkInput of(Path csvFile) {
        return new CsvFile(csvFile, StandardCharsets.UTF_8);
    }

    /**
     * A CSV file in another character set; it is transcoded to UTF-8 for the upload (Salesforce reads UTF-8 only).
     *
     * @param csvFile the file
     * @param charset the file's character set
     * @return the input
     */
    static BulkInput of(Path csvFile, Charset charset) {
        return new CsvFile(csvFile, charset);
    }

    /**
     * UTF-8 CSV with a header row read from a stream (read once when the call runs, not closed).
     *
     * @param csv the CSV
     * @return the input
     */
    static BulkInput of(InputStream csv) {
        return new CsvStream(csv, StandardCharsets.UTF_8);
    }

    /**
     * CSV in another character set read from a stream.
     *
     * @param csv the CSV
     * @param charset its character set
     * @return the input
     */
    static BulkInput of(InputStream csv, Charset charset) {
        return new CsvStream(csv, charset);
    }

    /**
     * Rows as maps; made by {@link #ofRows}, {@link #ofStream} and {@link #ofIds}.
     *
     * @param rows the rows
     */
    record Rows(Iterable<? extends Map<String, ?>> rows) implements BulkInput {
        /**
         * Checks for null.
         *
         * @param rows the rows
         */
        public Rows {
            Objects.requireNonNull(rows, "rows == null");
        }
    }

    /**
     * Typed objects; made by {@link #ofObjects(List)}, {@link #ofObjects(Stream, Class)} and
     * {@link #ofObjects(Iterable, RecordType)}.
     *
     * @param objects the objects
     * @param type how they become rows
     * @param <T> their type
     */
    record TypedObjects<T>(Iterable<? extends T> objects, RecordType<T> type) implements BulkInput {
        /**
         * Checks for nulls.
         *
         * @param objects the objects
         * @param type how they become rows
         */
        public TypedObjects {
            Objects.requireNonNull(objects, "objects == null");
            Objects.requireNonNull(type, "type == null");
        }
    }

    /**
     * A CSV file; made by {@link #of(Path)}.
     *
     * @param file the file
     * @param charset its character set
     */
    record CsvFile(Path file, Charset charset) implements BulkInput {
        /**
         * Checks for nulls.
         *
         * @param file the file
         * @param charset its character set
         */
        public CsvFile {
            Objects.requireNonNull(file, "csvFile == null");
            Objects.requireNonNull(charset, "charset == null");
        }
    }

    /**
     * CSV from a stream; made by {@link #of(InputStream)}.
     *
     * @param stream the CSV
     * @param charset its character set
     */
    record CsvStream(InputStream stream, Charset charset) implements BulkInput {
        /**
         * Checks for nulls.
         *
         * @param stream the CSV
         * @param charset its character set
         */
        public CsvStream {
            Objects.requireNonNull(stream, "csv == null");
            Objects.requireNonNull(charset, "charset == null");
        }
    }
}
