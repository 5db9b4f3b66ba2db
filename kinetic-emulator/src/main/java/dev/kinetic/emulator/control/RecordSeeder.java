package dev.kinetic.emulator.control;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlEngine;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlOperation;
import dev.kinetic.emulator.service.dml.DmlRequest;
import dev.kinetic.emulator.service.dml.DmlRowResult;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts seed records for the control plane, as the admin user, through the same {@link DmlEngine} as ingest jobs
 * (so the same validation, defaults and system fields apply). While the engine is not available it falls back to
 * {@link SqlSeeder}. Thread-safe.
 */
final class RecordSeeder {
    /** The outcome: one id per row (null for a failed row) and the failures. */
    record Outcome(List<String> ids, List<RowError> errors) {
    }

    /** A failed row: its index, Salesforce's status code, message and fields. */
    record RowError(int index, String errorCode, String message, List<String> fields) {
    }

    private final DmlEngine engine;
    private final SqlSeeder fallback;

    RecordSeeder(Database database, Clock clock) {
        this.engine = new DmlEngine(database, clock);
        this.fallback = new SqlSeeder(database, clock);
    }

    /**
     * Inserts the rows.
     *
     * @throws DmlJobFailure when the rows cannot be inserted at all (unknown object or field)
     */
    Outcome insert(String objectName, List<Map<String, Object>> rows, String userId) throws DmlJobFailure {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(r -> columns.addAll(r.keySet()));
        List<String> header = new ArrayList<>(columns);
        List<String[]> cells = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            String[] line = new String[header.size()];
            for (int i = 0; i < line.length; i++) {
                line[i] = cell(row.get(header.get(i)));
            }
            cells.add(line);
        }
        DmlBatchWriter writer;
        try {
            writer = engine.prepare(new DmlRequest(objectName, DmlOperation.INSERT, header, null, userId));
        } catch (UnsupportedOperationException e) {
            return fallback.insert(objectName, header, cells, userId);
        }
        List<DmlRowResult> results = writer.write(cells);
        List<String> ids = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            DmlRowResult r = results.get(i);
            ids.add(r.success() ? r.id() : null);
            if (!r.success()) {
                errors.add(parse(i, r.error()));
            }
        }
        return new Outcome(ids, errors);
    }

    // sf__Error is "CODE:message:field1,field2 --".
    private static RowError parse(int index, String error) {
        String text = error == null ? "UNKNOWN_EXCEPTION:unknown error:--" : error;
        int first = text.indexOf(':');
        int last = text.lastIndexOf(':');
        String code = first < 0 ? "UNKNOWN_EXCEPTION" : text.substring(0, first);
        String message = first < 0 ? text : last > first ? text.substring(first + 1, last) : text.substring(first + 1);
        String fieldText = last > first ? text.substring(last + 1).replace("--", "").trim() : "";
        List<String> fields = fieldText.isEmpty() ? List.of() : List.of(fieldText.split(","));
        return new RowError(index, code, message, fields);
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).toPlainString();
        }
        return value.toString();
    }
}
