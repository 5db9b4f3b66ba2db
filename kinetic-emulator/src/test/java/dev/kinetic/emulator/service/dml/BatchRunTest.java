package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BatchRunTest {
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    private List<DmlRowResult> run(DmlOperation op, String key, List<String> header, String[]... rows)
            throws Exception {
        JobPlan plan = HeaderPlanner.plan(org.database.schema(), new DmlRequest("Account", op, header, key,
                org.userId));
        org.engine.prepare(new DmlRequest("Account", op, header, key, org.userId));
        BatchRun run = new BatchRun(org.database, plan, new CellConverter(org.database.schema(), plan),
                new InsertLayout(plan), BatchRun.Mode.CHECKED, LocalDateTime.parse("2026-01-01T00:00:00"),
                List.of(rows));
        run.convert();
        try (Connection c = org.database.connection()) {
            run.write(c);
        }
        return run.results();
    }

    @Test
    void onlyAnOptimisticInsertThatNamesNoRecordOfItsOwnObjectResolvesWithoutItsOwnRecords() throws Exception {
        assertThat(resolvesAlone("Account", DmlOperation.INSERT, null, BatchRun.Mode.OPTIMISTIC, "Name",
                "External_Key__c", "OwnerId")).isTrue();
        assertThat(resolvesAlone("Contact", DmlOperation.INSERT, null, BatchRun.Mode.OPTIMISTIC, "LastName",
                "Account.External_Key__c")).isTrue();
        // Checked and careful batches look unique values up in the object's table.
        assertThat(resolvesAlone("Account", DmlOperation.INSERT, null, BatchRun.Mode.CHECKED, "Name")).isFalse();
        assertThat(resolvesAlone("Account", DmlOperation.INSERT, null, BatchRun.Mode.CAREFUL, "Name")).isFalse();
        // A parent of the same object, named by id or by a relationship column.
        assertThat(resolvesAlone("Account", DmlOperation.INSERT, null, BatchRun.Mode.OPTIMISTIC, "Name", "ParentId"))
                .isFalse();
        assertThat(resolvesAlone("Account", DmlOperation.INSERT, null, BatchRun.Mode.OPTIMISTIC, "Name",
                "Parent.External_Key__c")).isFalse();
        // Operations that find their records first.
        assertThat(resolvesAlone("Account", DmlOperation.UPSERT, "External_Key__c", BatchRun.Mode.OPTIMISTIC, "Name",
                "External_Key__c")).isFalse();
        assertThat(resolvesAlone("Account", DmlOperation.UPDATE, null, BatchRun.Mode.OPTIMISTIC, "Id", "Name"))
                .isFalse();
        assertThat(resolvesAlone("Account", DmlOperation.DELETE, null, BatchRun.Mode.OPTIMISTIC, "Id")).isFalse();
    }

    private boolean resolvesAlone(String object, DmlOperation op, String key, BatchRun.Mode mode, String... header)
            throws Exception {
        JobPlan plan = HeaderPlanner.plan(org.database.schema(), new DmlRequest(object, op, List.of(header), key,
                org.userId));
        return new BatchRun(org.database, plan, new CellConverter(org.database.schema(), plan), new InsertLayout(plan),
                mode, LocalDateTime.parse("2026-01-01T00:00:00"), List.of()).resolvesWithoutOwnRecords();
    }

    private BatchRun optimisticInsert(String[]... rows) throws Exception {
        List<String> header = List.of("Name", "External_Key__c", "NumberOfEmployees");
        org.engine.prepare(new DmlRequest("Account", DmlOperation.INSERT, header, null, org.userId));
        JobPlan plan = HeaderPlanner.plan(org.database.schema(), new DmlRequest("Account", DmlOperation.INSERT,
                header, null, org.userId));
        BatchRun run = new BatchRun(org.database, plan, new CellConverter(org.database.schema(), plan),
                new InsertLayout(plan), BatchRun.Mode.OPTIMISTIC, LocalDateTime.parse("2026-01-01T00:00:00"),
                List.of(rows));
        run.convert();
        return run;
    }

    @Test
    void aStagedInsertWritesTheRowsThatPassedOnlyWhenApplied() throws Exception {
        String[][] rows = {{"A", "S-1", "1"}, {"B", "S-2", "x"}, {"C", "S-3", "3"}};
        try (Connection c = org.database.connection()) {
            c.setAutoCommit(false);
            BatchRun dropped = optimisticInsert(rows);
            dropped.resolve(c);
            dropped.stage();
            dropped.discardStaged();
            dropped.apply(); // nothing staged any more: the ordinary path writes the rows
            c.rollback();
            assertThat(org.count("Account")).isZero();

            BatchRun staged = optimisticInsert(rows);
            staged.resolve(c);
            List<DmlRowResult> results = staged.results();
            staged.stage();
            staged.letRowsGo();
            assertThat(org.count("Account")).as("staging sends nothing").isZero();
            assertThatThrownBy(staged::results).as("the rows are gone").isInstanceOf(IllegalStateException.class);
            staged.apply();
            c.commit();
            c.setAutoCommit(true);
            assertThat(results).extracting(DmlRowResult::success).containsExactly(true, false, true);
        }
        assertThat(org.count("Account")).isEqualTo(2);
    }

    @Test
    void answersOneResultPerRowInInputOrder() throws Exception {
        List<DmlRowResult> results = run(DmlOperation.INSERT, null, List.of("Name", "NumberOfEmployees"),
                new String[] {"A", "1"}, new String[] {"B", "x"}, new String[] {"", "3"}, new String[] {"D", "4"});
        assertThat(results).extracting(DmlRowResult::success).containsExactly(true, false, false, true);
        assertThat(results.get(1).error()).startsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:");
        assertThat(results.get(2).error()).startsWith("REQUIRED_FIELD_MISSING:");
        assertThat(results.get(3).echoed()).containsExactly("D", "4");
    }

    @Test
    void upsertMixesInsertsAndUpdatesInOneBatch() throws Exception {
        String id = org.insert("Account", "Name|External_Key__c", "Old|K-1").get(0);
        List<DmlRowResult> results = run(DmlOperation.UPSERT, "External_Key__c", List.of("External_Key__c", "Name"),
                new String[] {"K-2", "New"}, new String[] {"K-1", "Updated"});
        List<Boolean> created = new ArrayList<>();
        results.forEach(r -> created.add(r.created()));
        assertThat(created).containsExactly(true, false);
        assertThat(results.get(1).id()).isEqualTo(id);
    }
}
