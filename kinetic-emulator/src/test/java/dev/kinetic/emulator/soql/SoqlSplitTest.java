package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.SqlNames;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Splitting a query into parts that read consecutive ranges of records, on a real H2 database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoqlSplitTest {
    private static final int ACCOUNTS = (int) (2.5 * QueryRunner.MIN_PART_KEYS);
    private SoqlFixture org;

    @BeforeAll
    void seed() throws Exception {
        org = new SoqlFixture();
        try (Connection c = org.db.connection(); Statement s = c.createStatement()) {
            // Every tenth record is in the recycle bin, so the split must keep the query's own conditions.
            s.execute("INSERT INTO " + SqlNames.table("Account") + " (" + SqlNames.column("Id") + ", "
                    + SqlNames.column("Name") + ", " + SqlNames.column("IsDeleted") + ") SELECT '001'"
                    + " || LPAD(CAST(X AS VARCHAR), 15, '0'), 'Acct ' || X, MOD(X, 10) = 0 FROM SYSTEM_RANGE(1, "
                    + ACCOUNTS + ")");
        }
        org.insert("Contact", SoqlFixture.record("Id", "003000000000001AAA", "LastName", "Few", "IsDeleted",
                false));
    }

    @AfterAll
    void close() {
        org.close();
    }

    @Test
    void partsReadInTurnGiveTheRowsOfOneReadInTheSameOrder() throws Exception {
        PreparedQuery q = org.engine.prepare("SELECT Id, Name FROM Account WHERE Name LIKE 'Acct 1%' OR Name ="
                + " 'Acct 7'", false);
        List<PreparedQuery> parts = q.split(2);

        assertThat(parts).hasSize(2);
        List<String> whole = rows(q);
        List<String> joined = new ArrayList<>();
        for (PreparedQuery part : parts) {
            List<String> rows = rows(part);
            assertThat(rows).isNotEmpty();
            joined.addAll(rows);
        }
        assertThat(joined).isEqualTo(whole);
        assertThat(whole).contains("Acct 7").doesNotContain("Acct 10", "Acct 2").hasSize(expectedMatches());
    }

    @Test
    void queryAllPartsAlsoReadTheRecycleBin() throws Exception {
        List<PreparedQuery> parts = org.engine.prepare("SELECT Id FROM Account", true).split(3);

        long total = 0;
        for (PreparedQuery part : parts) {
            total += part.run(values -> { });
        }
        assertThat(parts).hasSize(2);
        assertThat(total).isEqualTo(ACCOUNTS);
    }

    @Test
    void sortedLimitedSmallOrSinglePartQueriesAreNotSplit() throws Exception {
        assertThat(org.engine.prepare("SELECT Id FROM Account ORDER BY Name", false).split(2)).hasSize(1);
        assertThat(org.engine.prepare("SELECT Id FROM Account LIMIT 10", false).split(2)).hasSize(1);
        assertThat(org.engine.prepare("SELECT Id FROM Contact", false).split(2)).hasSize(1);
        assertThat(org.engine.prepare("SELECT Id FROM Account", false).split(1)).hasSize(1);
    }

    private static List<String> rows(PreparedQuery q) throws Exception {
        List<String> names = new ArrayList<>();
        q.run(values -> names.add(values[1]));
        return names;
    }

    // Live accounts named "Acct 1…" (any number starting with 1 that is not a multiple of ten) plus "Acct 7".
    private static int expectedMatches() {
        int n = 0;
        for (int x = 1; x <= ACCOUNTS; x++) {
            if (x % 10 != 0 && Integer.toString(x).startsWith("1")) {
                n++;
            }
        }
        return n + 1;
    }
}
