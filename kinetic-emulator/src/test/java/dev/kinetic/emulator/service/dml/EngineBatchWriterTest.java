package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EngineBatchWriterTest {
    private final TestOrg org = new TestOrg();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws Exception {
        pool.shutdownNow();
        assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        org.close();
    }

    @Test
    void twoConcurrentBatchesWithTheSameUniqueKeySaveExactlyOne() throws Exception {
        for (int round = 0; round < 5; round++) {
            String key = "SAME-" + round;
            DmlBatchWriter first = writer();
            DmlBatchWriter second = writer();
            CountDownLatch start = new CountDownLatch(1);
            Future<List<DmlRowResult>> a = pool.submit(() -> {
                start.await();
                return first.write(batch(key, "a"));
            });
            Future<List<DmlRowResult>> b = pool.submit(() -> {
                start.await();
                return second.write(batch(key.toLowerCase(), "b"));
            });
            start.countDown();
            List<DmlRowResult> results = new ArrayList<>(a.get(60, TimeUnit.SECONDS));
            results.addAll(b.get(60, TimeUnit.SECONDS));

            List<DmlRowResult> keyed = List.of(results.get(0), results.get(200));
            assertThat(keyed).filteredOn(DmlRowResult::success).hasSize(1);
            assertThat(keyed).filteredOn(r -> !r.success()).singleElement().satisfies(r -> assertThat(r.error())
                    .startsWith("DUPLICATE_VALUE:duplicate value found: External_Key__c duplicates value on record"
                            + " with id: 001"));
            assertThat(results).filteredOn(DmlRowResult::success).hasSize(399);
        }
    }

    @Test
    void batchThatLosesARaceToAnUncommittedValueIsRedoneRowByRow() throws Exception {
        DmlBatchWriter writer = writer();
        String otherId = org.database.ids().next("001");
        try (Connection other = org.database.connection()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO \"SOBJ_ACCOUNT\" (\"ID\", \"NAME\","
                    + " \"EXTERNAL_KEY__C\", \"ISDELETED\") VALUES (?, 'Other', 'RACE', FALSE)")) {
                ps.setString(1, otherId);
                ps.executeUpdate();
            }
            Future<List<DmlRowResult>> pending = pool.submit(() -> writer.write(batch("race", "w")));
            awaitBlockedSession(pending);
            other.commit();

            List<DmlRowResult> results = pending.get(60, TimeUnit.SECONDS);

            assertThat(results.get(0).error()).isEqualTo("DUPLICATE_VALUE:duplicate value found: External_Key__c"
                    + " duplicates value on record with id: " + otherId + ":--");
            assertThat(results.subList(1, results.size())).allMatch(DmlRowResult::success);
        }
        assertThat(org.count("Account")).isEqualTo(200);
    }

    @Test
    void batchThatCannotLockItsRecordsFailsEveryRowWithUnableToLockRow() throws Exception {
        List<String> ids = org.insert("Account", "Name", "A", "B");
        DmlBatchWriter writer = org.engine.prepare(new DmlRequest("Account", DmlOperation.UPDATE, List.of("Id", "Name"),
                null, org.userId));
        try (Connection blocker = org.database.connection()) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.executeUpdate("UPDATE \"SOBJ_ACCOUNT\" SET \"NAME\" = 'Held' WHERE \"ID\" = '" + ids.get(1) + "'");
            }
            // The pool hands out the connection closed last: give it a short lock timeout for the writer.
            try (Connection shortWait = org.database.connection(); Statement s = shortWait.createStatement()) {
                s.execute("SET LOCK_TIMEOUT 200");
            }

            List<DmlRowResult> results = writer.write(List.of(new String[] {ids.get(0), "A2"},
                    new String[] {ids.get(1), "B2"}));

            assertThat(results).allSatisfy(r -> {
                assertThat(r.success()).isFalse();
                assertThat(r.error()).isEqualTo("UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this"
                        + " record:--");
            });
            assertThat(results.get(1).echoed()).containsExactly(ids.get(1), "B2");
            blocker.rollback();
        }
        assertThat(org.field("Account", ids.get(0), "Name")).isEqualTo("A");
    }

    private DmlBatchWriter writer() throws DmlJobFailure {
        return org.engine.prepare(new DmlRequest("Account", DmlOperation.INSERT, List.of("Name", "External_Key__c"),
                null, org.userId));
    }

    // The first row carries the contested key; 199 more rows with keys of their own widen the race window.
    private static List<String[]> batch(String key, String tag) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Contested", key});
        for (int i = 1; i < 200; i++) {
            rows.add(new String[] {"Row " + i, tag + "-" + key + "-" + i});
        }
        return rows;
    }

    // Waits (bounded) until the writer is executing its INSERT: its contested row cannot be saved until the other
    // transaction ends, so from then on it waits on that row (H2 reports no BLOCKER_ID for this wait).
    private void awaitBlockedSession(Future<?> writer) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = org.database.connection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline && !writer.isDone()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS"
                        + " WHERE EXECUTING_STATEMENT LIKE 'INSERT INTO \"SOBJ_ACCOUNT\"%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.onSpinWait();
            }
        }
        throw new AssertionError("the writer never waited for the uncommitted row (done=" + writer.isDone() + ")");
    }
}
