package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

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
