package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordLookupsTest {
    private final TestOrg org = new TestOrg();

    @AfterEach
    void close() {
        org.close();
    }

    @Test
    void findsLiveRecordsByKeyInOneQuery() throws Exception {
        List<String> ids = org.insert("Contact", "LastName|Email", "A|a@x.com", "B|A@X.COM", "C|c@x.com", "D|d@x.com");
        org.run(DmlOperation.DELETE, "Contact", "Id", ids.get(3));
        SObjectType contact = org.database.schema().find("Contact").orElseThrow();
        try (Connection c = org.database.connection()) {
            Map<Object, List<String>> found = RecordLookups.idsByKey(c, contact, contact.field("Email").orElseThrow(),
                    Set.of("A@X.COM", "C@X.COM", "D@X.COM", "NONE@X.COM"));
            assertThat(found.get("A@X.COM")).containsExactlyInAnyOrder(ids.get(0), ids.get(1));
            assertThat(found.get("C@X.COM")).containsExactly(ids.get(2));
            assertThat(found).doesNotContainKeys("D@X.COM", "NONE@X.COM");
        }
    }

    @Test
    void findsKeysAcrossSeveralChunks() throws Exception {
        int count = RecordLookups.CHUNK * 2 + 7;
        String[] rows = new String[count];
        Set<Object> keys = new java.util.HashSet<>();
        for (int i = 0; i < count; i++) {
            rows[i] = "A" + i + "|k-" + i;
            keys.add("K-" + i);
        }
        List<String> ids = org.insert("Account", "Name|External_Key__c", rows);
        SObjectType account = org.database.schema().find("Account").orElseThrow();
        try (Connection c = org.database.connection()) {
            Map<Object, List<String>> found = RecordLookups.idsByKey(c, account,
                    account.field("External_Key__c").orElseThrow(), keys);
            assertThat(found).hasSize(count);
            assertThat(found.get("K-" + (count - 1))).containsExactly(ids.get(count - 1));
            assertThat(RecordLookups.byIds(c, account, ids, false)).hasSize(count);
        }
    }

    @Test
    void readsRecordsByIdWithTheirRecycleBinStateAndNames() throws Exception {
        List<String> ids = org.insert("Contact", "FirstName|LastName", "Jane|Doe", "John|Roe");
        org.run(DmlOperation.DELETE, "Contact", "Id", ids.get(1));
        SObjectType contact = org.database.schema().find("Contact").orElseThrow();
        String missing = org.database.ids().next("003");
        try (Connection c = org.database.connection()) {
            Map<String, RecordLookups.Existing> found = RecordLookups.byIds(c, contact, List.of(ids.get(0), ids.get(1),
                    missing), true);
            assertThat(found.get(ids.get(0))).isEqualTo(new RecordLookups.Existing(false, "Jane", "Doe"));
            assertThat(found.get(ids.get(1)).deleted()).isTrue();
            assertThat(found).doesNotContainKey(missing);
            assertThat(RecordLookups.byIds(c, contact, List.of(), false)).isEmpty();
        }
    }
}
