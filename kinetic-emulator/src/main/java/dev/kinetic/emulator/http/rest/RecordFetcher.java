package dev.kinetic.emulator.http.rest;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.SObjectType;
import dev.kinetic.emulator.schema.Schema;
import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.SoqlEngine;
import dev.kinetic.emulator.soql.SoqlException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads records for the sObject Rows resources by running SOQL on the org's engine, so a record comes back exactly
 * as a REST query row would: {@code attributes {type, url}}, then the fields (every stored field in describe order,
 * or the requested ones in the order asked, {@code Id} last when not asked for), typed as {@link QueryRecords} types
 * them. Live records only: a record in the recycle bin is not found. Thread-safe.
 */
final class RecordFetcher {
    private final Schema schema;
    private final SoqlEngine soql;

    RecordFetcher(Schema schema, SoqlEngine soql) {
        this.schema = schema;
        this.soql = soql;
    }

    /**
     * The record of {@code type} with this id.
     *
     * @param id18 the id in its 18-character form
     * @param fields the {@code fields} parameter as sent, or empty for every field
     * @throws RestErrorException 400 INVALID_FIELD (or another SOQL code) for a field the object lacks
     */
    Optional<Map<String, Object>> byId(SObjectType type, String id18, Optional<String> fields, String versionPath) {
        List<Map<String, Object>> found = select(type, fields, "Id = '" + id18 + "'", versionPath);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /**
     * The live records of {@code type} matching a SOQL condition.
     *
     * @throws RestErrorException as {@link #byId}
     */
    List<Map<String, Object>> select(SObjectType type, Optional<String> fields, String condition, String versionPath) {
        List<String> names = fieldNames(type, fields);
        String query = "SELECT " + String.join(", ", names) + " FROM " + type.name() + " WHERE " + condition;
        PreparedQuery prepared;
        try {
            prepared = soql.prepareForRest(query, false);
        } catch (SoqlException e) {
            throw new RestErrorException(400, e.errorCode(), e.getMessage());
        }
        QueryRecords shape = new QueryRecords(schema, prepared.objectName(), prepared.layout().orElseThrow(),
                versionPath, child -> List.of());
        boolean addId = names.stream().noneMatch("Id"::equalsIgnoreCase);
        int idColumn = prepared.layout().orElseThrow().idColumn();
        List<Map<String, Object>> out = new ArrayList<>();
        try {
            prepared.run(row -> {
                Map<String, Object> record = new LinkedHashMap<>(shape.record(row));
                if (addId) {
                    record.put("Id", row[idColumn]);
                }
                out.add(record);
            });
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + type.name() + " records: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    // Every stored field, or the asked ones without repeats (Salesforce does not refuse a field named twice).
    private static List<String> fieldNames(SObjectType type, Optional<String> fields) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> names = new ArrayList<>();
        for (String name : fields.map(f -> List.of(f.split(","))).orElse(List.of())) {
            String trimmed = name.trim();
            if (!trimmed.isEmpty() && seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                names.add(trimmed);
            }
        }
        if (names.isEmpty()) {
            for (FieldDef f : type.storedFields()) {
                names.add(f.name());
            }
        }
        return names;
    }
}
