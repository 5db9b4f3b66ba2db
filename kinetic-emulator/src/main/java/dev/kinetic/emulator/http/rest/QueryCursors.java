package dev.kinetic.emulator.http.rest;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The open query cursors behind {@code nextRecordsUrl}: each holds the records of one query, read when the query
 * ran, and the page size chosen then. Ids look like Salesforce's ({@code 01g} + 15 characters). At most
 * {@link #MAX_OPEN} cursors stay open; opening one more closes the oldest. A cursor closes when its last page has
 * been served. Cursors live in memory: a restarted org has none. Thread-safe.
 */
final class QueryCursors {
    /** How many cursors stay open at once. */
    static final int MAX_OPEN = 50;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /** One cursor: the query's records and the page size. */
    record Cursor(String id, List<Map<String, Object>> records, int batchSize) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cursor> open = new LinkedHashMap<>();

    /** Opens a cursor over these records. */
    synchronized Cursor open(List<Map<String, Object>> records, int batchSize) {
        if (open.size() >= MAX_OPEN) {
            open.remove(open.keySet().iterator().next());
        }
        StringBuilder id = new StringBuilder("01g");
        for (int i = 0; i < 15; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        Cursor cursor = new Cursor(id.toString(), List.copyOf(records), batchSize);
        open.put(cursor.id(), cursor);
        return cursor;
    }

    /** The open cursor with this id. */
    synchronized Optional<Cursor> find(String id) {
        return Optional.ofNullable(open.get(id));
    }

    /** Closes a cursor (its last page was served). */
    synchronized void close(String id) {
        open.remove(id);
    }

    /** Closes every cursor (the control plane's reset). */
    synchronized void clear() {
        open.clear();
    }
}
