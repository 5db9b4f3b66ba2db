package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
    void anInsertBatchResolvesAndPreparesItsResultsWhileTheBatchBeforeItHoldsTheLaneAndCommitsAfterIt()
            throws Exception {
        DmlBatchWriter writer = writer();
        CountDownLatch secondPrepared = new CountDownLatch(1);
        AtomicReference<List<DmlRowResult>> prepared = new AtomicReference<>();
        AtomicReference<List<DmlRowResult>> committed = new AtomicReference<>();
        AtomicReference<Future<List<DmlRowResult>>> second = new AtomicReference<>();
        List<DmlRowResult> first = writer.write(batch("first", "a"), (c, results) -> {
            // Inside the first batch's transaction, holding the object's write lane: the second batch gets its
            // results and prepares them meanwhile, and must not write before this batch has committed.
            second.set(pool.submit(() -> writer.write(batch("second", "b"), new BatchCommit() {
                @Override
                public List<DmlRowResult> prepare(List<DmlRowResult> r) {
                    prepared.set(r);
                    secondPrepared.countDown();
                    return r;
                }

                @Override
                public void beforeCommit(Connection c2, List<DmlRowResult> r) throws SQLException {
                    committed.set(r);
                    assertThat(count(c2)).as("its own rows and the first batch's, committed before it wrote")
                            .isEqualTo(400);
                }
            })));
            await(secondPrepared, second.get());
            assertThat(prepared.get()).hasSize(200).allMatch(DmlRowResult::success);
            assertThat(committed.get()).isNull();
        });

        List<DmlRowResult> results = second.get().get(60, TimeUnit.SECONDS);
        assertThat(first).allMatch(DmlRowResult::success);
        assertThat(results).isSameAs(prepared.get()).isSameAs(committed.get());
        assertThat(org.count("Account")).isEqualTo(400);
    }

    @Test
    void anUpdateResolvesItsRecordsInTheLaneSoItFindsThoseOfTheBatchCommittingBeforeIt() throws Exception {
        DmlBatchWriter updater = org.engine.prepare(new DmlRequest("Account", DmlOperation.UPDATE,
                List.of("Id", "Name"), null, org.userId));
        ReentrantLock lane = (ReentrantLock) org.database.writeLane(org.database.schema().find("Account")
                .orElseThrow());
        AtomicReference<Thread> updating = new AtomicReference<>();
        AtomicReference<Future<List<DmlRowResult>>> update = new AtomicReference<>();
        AtomicReference<Boolean> preparedEarly = new AtomicReference<>(false);
        List<DmlRowResult> inserted = writer().write(batch("before", "i"), (c, results) -> {
            // Inserted, not yet committed: the update must look its records up only once this batch has committed.
            List<String[]> rows = new ArrayList<>();
            results.forEach(r -> rows.add(new String[] {r.id(), "Renamed"}));
            update.set(pool.submit(() -> {
                updating.set(Thread.currentThread());
                return updater.write(rows, new BatchCommit() {
                    @Override
                    public List<DmlRowResult> prepare(List<DmlRowResult> r) {
                        preparedEarly.set(true);
                        return r;
                    }

                    @Override
                    public void beforeCommit(Connection c2, List<DmlRowResult> r) {
                    }
                });
            }));
            awaitQueued(lane, updating, update.get());
        });

        List<DmlRowResult> updated = update.get().get(60, TimeUnit.SECONDS);
        assertThat(inserted).allMatch(DmlRowResult::success);
        assertThat(updated).allSatisfy(r -> assertThat(r.success()).as(r.error()).isTrue());
        assertThat(preparedEarly.get()).as("an update's outcome is known only in the lane").isFalse();
        assertThat(org.field("Account", inserted.get(199).id(), "Name")).isEqualTo("Renamed");
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

    // Waits (bounded) for the latch, failing early if the task ended without counting it down.
    private static void await(CountDownLatch latch, Future<?> task) throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try {
            while (!latch.await(10, TimeUnit.MILLISECONDS)) {
                if (task.isDone() || System.nanoTime() > deadline) {
                    throw new SQLException("the second batch did not prepare its results (done=" + task.isDone()
                            + ")");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException(e);
        }
    }

    // Waits (bounded) until the writer's thread queues for the object's write lane, failing if it finished first.
    private static void awaitQueued(ReentrantLock lane, AtomicReference<Thread> thread, Future<?> writer)
            throws SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (writer.isDone()) {
                throw new SQLException("the update ran without waiting for the batch holding the lane");
            }
            Thread t = thread.get();
            if (t != null && lane.hasQueuedThread(t)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new SQLException("the update never queued for the lane");
    }

    private static int count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"SOBJ_ACCOUNT\"")) {
            rs.next();
            return rs.getInt(1);
        }
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
