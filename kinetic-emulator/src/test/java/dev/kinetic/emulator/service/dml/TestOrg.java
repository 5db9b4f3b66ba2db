package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.Database;
import dev.kinetic.emulator.db.SqlNames;
import dev.kinetic.emulator.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A default-schema org in memory with a fixed clock, and helpers to run jobs and read records back. */
final class TestOrg implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-11-28T10:15:30.123456Z");

    final Database database = Database.inMemory(Schema.defaultOrg());
    final DmlEngine engine = new DmlEngine(database, Clock.fixed(NOW, ZoneOffset.UTC));
    final String userId = database.ids().next("005");

    /** Runs one batch of a job; rows are given as CSV-like lines split on '|' (no quoting needed in tests). */
    List<DmlRowResult> run(DmlOperation op, String object, String header, String... rows) throws DmlJobFailure {
        return runKeyed(op, object, null, header, rows);
    }

    List<DmlRowResult> upsert(String object, String key, String header, String... rows) throws DmlJobFailure {
        return runKeyed(DmlOperation.UPSERT, object, key, header, rows);
    }

    List<DmlRowResult> runKeyed(DmlOperation op, String object, String key, String header, String... rows)
            throws DmlJobFailure {
        DmlBatchWriter writer = engine.prepare(new DmlRequest(object, op, Arrays.asList(header.split("\\|", -1)), key,
                userId));
        List<String[]> cells = new ArrayList<>();
        for (String r : rows) {
            cells.add(r.split("\\|", -1));
        }
        return writer.write(cells);
    }

    /** Inserts rows that must all succeed and returns their ids. */
    List<String> insert(String object, String header, String... rows) throws DmlJobFailure {
        List<String> ids = new ArrayList<>();
        for (DmlRowResult r : run(DmlOperation.INSERT, object, header, rows)) {
            assertThat(r.success()).as("insert of %s: %s", object, r.error()).isTrue();
            ids.add(r.id());
        }
        return ids;
    }

    /** A new active user with this username and e-mail. */
    String user(String username, String email) throws DmlJobFailure {
        return insert("User", "Username|LastName|Email|Alias|CommunityNickname|TimeZoneSidKey|LocaleSidKey"
                        + "|EmailEncodingKey|ProfileId|LanguageLocaleKey",
                username + "|Smith|" + email + "|asmith|" + username + "|America/Los_Angeles|en_US|UTF-8"
                        + "|00eKc0000000001|en_US").get(0);
    }

    /** One field of a record as stored, or null; fails when the record does not exist. */
    Object field(String object, String id, String field) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT "
                + SqlNames.column(field) + " FROM " + SqlNames.table(object) + " WHERE \"ID\" = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("record %s exists", id).isTrue();
                return rs.getObject(1);
            }
        }
    }

    boolean exists(String object, String id) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + SqlNames.table(object) + " WHERE \"ID\" = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    long count(String object) throws SQLException {
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM "
                + SqlNames.table(object))) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
