package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementRunnerTest {
    private static final String SQL = "INSERT INTO RUNNER_TEST (K) VALUES (?)";
    private final TestOrg org = new TestOrg();
    private Connection connection;

    @BeforeEach
    void table() throws Exception {
        connection = org.database.connection();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE RUNNER_TEST (K VARCHAR PRIMARY KEY)");
            s.execute("INSERT INTO RUNNER_TEST VALUES ('taken')");
        }
        connection.setAutoCommit(false);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        org.close();
    }

    private static List<Row> rows(String... keys) {
        return java.util.Arrays.stream(keys).map(k -> {
            Row r = new Row(new String[] {k}, 1);
            r.values[0] = k;
            return r;
        }).toList();
    }

    private long count() throws Exception {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM"
                + " RUNNER_TEST")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void fastModeSendsOneBatch() throws Exception {
        new StatementRunner(connection, false, r -> "unused").run(SQL, rows("a", "b", "c"),
                (ps, r) -> ps.setString(1, (String) r.values[0]));
        assertThat(count()).isEqualTo(4);
    }

    @Test
    void fastModeSignalsAUniqueViolationForARetry() {
        assertThatThrownBy(() -> new StatementRunner(connection, false, r -> "unused").run(SQL, rows("a", "taken"),
                (ps, r) -> ps.setString(1, (String) r.values[0]))).isInstanceOf(StatementRunner.UniqueRace.class);
    }

    @Test
    void carefulModeFailsOnlyTheClashingRow() throws Exception {
        List<Row> rows = rows("a", "taken", "b");
        new StatementRunner(connection, true, r -> "DUPLICATE_VALUE:" + r.values[0] + ":--").run(SQL, rows,
                (ps, r) -> ps.setString(1, (String) r.values[0]));
        assertThat(rows).extracting(r -> r.error).containsExactly(null, "DUPLICATE_VALUE:taken:--", null);
        assertThat(count()).isEqualTo(3);
    }
}
