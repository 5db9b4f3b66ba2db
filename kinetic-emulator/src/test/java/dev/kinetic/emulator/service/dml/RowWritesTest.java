package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RowWritesTest {
    private static final LocalDateTime LATER = LocalDateTime.parse("2030-01-01T00:00:00.000");
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    private void write(DmlOperation op, String header, Row... rows) throws Exception {
        JobPlan plan = HeaderPlanner.plan(org.database.schema(), new DmlRequest("Account", op,
                List.of(header.split("\\|")), null, org.userId));
        try (Connection c = org.database.connection()) {
            RowWrites writes = new RowWrites(plan, new InsertLayout(plan), c, new StatementRunner(c, false, r -> ""),
                    LATER);
            if (op == DmlOperation.UPDATE) {
                writes.update(List.of(rows));
            } else {
                writes.delete(List.of(rows));
            }
        }
    }

    private static Row row(String id, Object... values) {
        Row r = new Row(new String[0], values.length);
        System.arraycopy(values, 0, r.values, 0, values.length);
        r.id = id;
        return r;
    }

    @Test
    void updatesOnlyTheCellsThatSetSomethingAndStampsTheChange() throws Exception {
        List<String> ids = org.insert("Account", "Name|Status__c|Website", "A|Open|a.com", "B|Open|b.com");

        write(DmlOperation.UPDATE, "Id|Status__c|Website", row(ids.get(0), ids.get(0), "Closed", Row.UNSET),
                row(ids.get(1), ids.get(1), Row.UNSET, null));

        assertThat(org.field("Account", ids.get(0), "Status__c")).isEqualTo("Closed");
        assertThat(org.field("Account", ids.get(0), "Website")).isEqualTo("a.com");
        assertThat(org.field("Account", ids.get(1), "Status__c")).isEqualTo("Open");
        assertThat(org.field("Account", ids.get(1), "Website")).isNull();
        assertThat(((Timestamp) org.field("Account", ids.get(1), "LastModifiedDate")).toLocalDateTime())
                .isEqualTo(LATER);
        assertThat(((Timestamp) org.field("Account", ids.get(1), "CreatedDate")).toLocalDateTime())
                .isNotEqualTo(LATER);
    }

    @Test
    void deleteFlagsTheRecordAndHardDeleteRemovesIt() throws Exception {
        List<String> ids = org.insert("Account", "Name", "A", "B");
        write(DmlOperation.DELETE, "Id", row(ids.get(0), ids.get(0)));
        write(DmlOperation.HARD_DELETE, "Id", row(ids.get(1), ids.get(1)));
        assertThat(org.field("Account", ids.get(0), "IsDeleted")).isEqualTo(true);
        assertThat(org.exists("Account", ids.get(1))).isFalse();
    }
}
