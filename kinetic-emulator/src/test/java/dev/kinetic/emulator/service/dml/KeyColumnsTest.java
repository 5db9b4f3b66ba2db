package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.schema.SObjectType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyColumnsTest {
    private final TestOrg org = new TestOrg();
    private final SObjectType account = org.database.schema().find("Account").orElseThrow();

    @AfterEach
    void close() {
        org.close();
    }

    private void insert(Statement s, String id, String key, boolean deleted) throws SQLException {
        s.execute("INSERT INTO \"SOBJ_ACCOUNT\" (\"ID\", \"NAME\", \"EXTERNAL_KEY__C\", \"ISDELETED\") VALUES ('" + id
                + "', 'n', '" + key + "', " + deleted + ")");
    }

    @Test
    void keyedFieldsAreIdentifyingOrUniqueTextFields() {
        assertThat(KeyColumns.keyed(account.field("External_Key__c").orElseThrow())).isTrue();
        assertThat(KeyColumns.keyed(account.field("Status__c").orElseThrow())).isFalse();
        assertThat(KeyColumns.keyed(account.field("Id").orElseThrow())).isFalse();
        assertThat(KeyColumns.column(account.field("External_Key__c").orElseThrow()))
                .isEqualTo("\"EXTERNAL_KEY__C$KEY\"");
    }

    @Test
    void keysOfCaseInsensitiveTextAreUpperCase() {
        assertThat(KeyColumns.key(account.field("External_Key__c").orElseThrow(), "ab-1")).isEqualTo("AB-1");
        assertThat(KeyColumns.key(account.field("NumberOfEmployees").orElseThrow(), 5)).isEqualTo(5);
    }

    @Test
    void uniqueIndexRejectsTheSameValueInAnyCaseButNotOnceRecycled() throws Exception {
        try (Connection c = org.database.connection(); Statement s = c.createStatement()) {
            KeyColumns.ensure(c, account);
            KeyColumns.ensure(c, account);
            insert(s, "001000000000001AAA", "Key", false);
            assertThatThrownBy(() -> insert(s, "001000000000002AAA", "KEY", false)).isInstanceOf(SQLException.class)
                    .matches(e -> StatementRunner.isUniqueViolation((SQLException) e));
            s.execute("UPDATE \"SOBJ_ACCOUNT\" SET \"ISDELETED\" = TRUE WHERE \"ID\" = '001000000000001AAA'");
            insert(s, "001000000000003AAA", "KEY", false);
        }
        assertThat(org.count("Account")).isEqualTo(2);
    }
}
