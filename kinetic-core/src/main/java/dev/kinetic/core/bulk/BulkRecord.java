package dev.kinetic.core.bulk;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One CSV row of a result: a successful, failed or unprocessed ingest row, or a query record. Values are strings
 * as Salesforce sent them; an empty field is {@code null} through {@link #get(String)}, and a column the row does
 * not have is an error there ({@link #find(String)} is for columns that may be absent). Immutable.
 *
 * <p>For ingest results, {@link #inputIndex()} is the 0-based index of the data row of the input this result
 * belongs to (the header is not counted). It is known when the call had the input (a waiting call, a handle from
 * {@code start...}, or {@link BulkClient#attach(String, BulkInput)}); otherwise {@link #findInputIndex()} is empty
 * and {@link #inputIndex()} throws.
 */
public final class BulkRecord {
    private final List<String> columns;
    private final List<String> values;
    private final long inputIndex;

    private BulkRecord(List<String> columns, List<String> values, long inputIndex) {
        this.columns = columns;
        this.values = values;
        this.inputIndex = inputIndex;
    }

    /**
     * Creates a row. The lists are not copied; callers must not change them afterwards (the library shares one
     * columns list among all rows of a result).
     *
     * @param columns the header names
     * @param values the values, as many as columns
     * @param inputIndex the 0-based input row index, or a negative number if it is not known
     * @return the row
     * @throws IllegalArgumentException if the sizes differ
     */
    public static BulkRecord of(List<String> columns, List<String> values, long inputIndex) {
        Objects.requireNonNull(columns, "columns == null");
        Objects.requireNonNull(values, "values == null");
        if (columns.size() != values.size()) {
            throw new IllegalArgumentException("A row has " + values.size() + " values for " + columns.size()
                    + " columns " + columns);
        }
        return new BulkRecord(Collections.unmodifiableList(columns), Collections.unmodifiableList(values),
                inputIndex);
    }

    /**
     * The value of a column, {@code null} if the field is empty. The name is matched exactly first, then
     * case-insensitively (Salesforce echoes header names as uploaded).
     *
     * @param column the column name, e.g. {@code sf__Id} or {@code Name}
     * @return the value, or {@code null} for an empty field
     * @throws IllegalArgumentException if the row has no such column, naming it and the columns there are
     */
    public String get(String column) {
        int i = indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("No column '" + column + "' in this row; its columns are " + columns
                    + " (use find(column) for a column that may be absent)");
        }
        String v = values.get(i);
        return v == null || v.isEmpty() ? null : v;
    }

    /**
     * The value of a column that may be absent: empty if the row has no such column or the field is empty.
     *
     * @param column the column name, matched as in {@link #get(String)}
     * @return the value, if any
     */
    public Optional<String> find(String column) {
        return has(column) ? Optional.ofNullable(get(column)) : Optional.empty();
    }

    /**
     * Whether the row has a column of that name (matched as in {@link #get(String)}).
     *
     * @param column the column name
     * @return true if present
     */
    public boolean has(String column) {
        return indexOf(column) >= 0;
    }

    /**
     * {@return the record id: {@code sf__Id} for ingest results, else the {@code Id} column; empty if neither has a
     * value}
     */
    public Optional<String> id() {
        Optional<String> v = find("sf__Id");
        return v.isPresent() ? v : find("Id");
    }

    /** {@return for successful ingest rows: {@code sf__Created}; empty for other rows} */
    public Optional<Boolean> created() {
        return find("sf__Created").map(Boolean::parseBoolean);
    }

    /** {@return for failed ingest rows: the raw {@code sf__Error}, e.g. {@code REQUIRED_FIELD_MISSING:...:Name --}} */
    public Optional<String> error() {
        return find("sf__Error");
    }

    /**
     * The 0-based index of the input data row this result belongs to.
     *
     * @return the index
     * @throws IllegalStateException if the input of the job is not known here (the result was read without it)
     */
    public long inputIndex() {
        if (inputIndex < 0) {
            throw new IllegalStateException("The input row of this result is not known: its job's result was read "
                    + "without the input; pick the job up with attach(jobId, input) to map rows");
        }
        return inputIndex;
    }

    /**
     * {@return the 0-based index of the input data row this result belongs to; empty if the input is not known
     * here}
     */
    public OptionalLong findInputIndex() {
        return inputIndex < 0 ? OptionalLong.empty() : OptionalLong.of(inputIndex);
    }

    /** {@return the column names, in order} */
    public List<String> columns() {
        return columns;
    }

    /** {@return the values in column order; empty fields are empty strings} */
    public List<String> values() {
        return values;
    }

    /** {@return the row as an ordered map of column to value (empty fields as {@code null}); a new copy each call} */
    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String v = values.get(i);
            m.put(columns.get(i), v == null || v.isEmpty() ? null : v);
        }
        return m;
    }

    /**
     * The row without the {@code sf__} columns that Salesforce adds: the original fields as echoed.
     *
     * @return an ordered map of the original columns
     */
    public Map<String, String> originalFields() {
        Map<String, String> m = toMap();
        m.keySet().removeIf(k -> k.startsWith("sf__"));
        return m;
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(column)) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(column)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BulkRecord r && r.inputIndex == inputIndex && r.columns.equals(columns)
                && r.values.equals(values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(columns, values, inputIndex);
    }

    @Override
    public String toString() {
        return "BulkRecord" + toMap() + (inputIndex >= 0 ? "@" + inputIndex : "");
    }
}
