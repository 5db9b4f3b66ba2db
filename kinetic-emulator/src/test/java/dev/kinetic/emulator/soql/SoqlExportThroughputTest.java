package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.db.SqlNames;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/**
 * Measures export speed: Account rows (500,000 with {@code -Dkinetic.soql.benchRows=500000}) inserted with a plain
 * JDBC batch, then a 5-column query streamed and formatted, twice (the first run includes JIT warm-up). Prints
 * rows/s; no timed assertion, the figure goes into reports. Checks the row count and that the values arrive
 * formatted.
 */
class SoqlExportThroughputTest {
    // 50,000 by default to keep `mvn verify` quick; -Dkinetic.soql.benchRows=500000 for the reported figure.
    private static final int ROWS = Integer.getInteger("kinetic.soql.benchRows", 50_000);
    // The export runs on the calling thread (embedded H2), so its CPU time shows the speed on an idle machine.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void streamsAndFormatsAccountRowsAndPrintsRowsPerSecond() throws Exception {
        try (SoqlFixture org = new SoqlFixture()) {
            insertAccounts(org);
            PreparedQuery q = org.engine.prepare(
                    "SELECT Id, Name, AnnualRevenue, CreatedDate, External_Key__c FROM Account", false);
            long[] chars = new long[1];
            String[] last = new String[1];
            RowSink sink = values -> {
                for (String v : values) {
                    chars[0] += v.length();
                }
                last[0] = values[3];
            };
            long rows = 0;
            for (String run : new String[] {"cold JVM", "warm JVM"}) {
                chars[0] = 0;
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                rows = q.run(sink);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
                System.out.printf("SOQL export (%s): %,d rows x 5 columns in %.2f s = %,.0f rows/s wall,"
                        + " %,.0f rows/s of thread CPU time (%,d characters)%n", run, rows, seconds, rows / seconds,
                        rows / cpuSeconds, chars[0]);
            }
            assertThat(rows).isEqualTo(ROWS);
            assertThat(last[0]).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
        }
    }

    private static void insertAccounts(SoqlFixture org) throws Exception {
        String sql = "INSERT INTO " + SqlNames.table("Account") + " (" + SqlNames.column("Id") + ", "
                + SqlNames.column("Name") + ", " + SqlNames.column("AnnualRevenue") + ", "
                + SqlNames.column("CreatedDate") + ", " + SqlNames.column("External_Key__c") + ", "
                + SqlNames.column("IsDeleted") + ") VALUES (?, ?, ?, ?, ?, FALSE)";
        LocalDateTime base = LocalDateTime.of(2024, 1, 1, 0, 0);
        try (Connection c = org.db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            c.setAutoCommit(false);
            for (int i = 0; i < ROWS; i++) {
                ps.setString(1, String.format("001%012dAAA", i));
                ps.setString(2, "Account " + i);
                ps.setDouble(3, i * 10.5);
                ps.setObject(4, base.plusSeconds(i));
                ps.setString(5, "K-" + i);
                ps.addBatch();
                if (i % 10_000 == 9_999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
            c.setAutoCommit(true);
        }
    }
}
