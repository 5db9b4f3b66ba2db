package dev.kinetic.emulator.soql;

import static dev.kinetic.emulator.soql.SoqlFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoqlSelectTest {
    private static final String USER = "005000000000001AAA";
    private static final String ACME = "001000000000001AAA";
    private static final String GLOBEX = "001000000000002AAA";
    private static final String CHILD = "001000000000003AAA";

    private SoqlFixture org;

    @BeforeAll
    void open() {
        org = new SoqlFixture();
    }

    @BeforeEach
    void seed() throws Exception {
        org.db.deleteAllRecords();
        org.insert("User", record("Id", USER, "Username", "ada@example.com", "Email", "ada@example.com",
                "LastName", "Lovelace"));
        org.insert("Account", record("Id", ACME, "Name", "Acme", "IsDeleted", false, "OwnerId", USER,
                "CreatedById", USER, "AnnualRevenue", 5_000_000.0, "NumberOfEmployees", 12,
                "CreatedDate", LocalDateTime.of(2024, 1, 2, 17, 38, 59, 120_000_000)));
        org.insert("Account", record("Id", GLOBEX, "Name", "Globex", "IsDeleted", false));
        org.insert("Account", record("Id", CHILD, "Name", "Acme West", "IsDeleted", false, "ParentId", ACME));
        org.insert("Contact", record("Id", "003000000000001AAA", "LastName", "Smith", "IsDeleted", false,
                "AccountId", CHILD, "Birthdate", LocalDate.of(1990, 3, 4)));
        org.insert("Contact", record("Id", "003000000000002AAA", "LastName", "Orphan", "IsDeleted", false));
    }

    @AfterAll
    void close() {
        org.close();
    }

    @Test
    void headerKeepsTheRequestedOrderAndSpellingOfFieldNames() throws Exception {
        List<List<String>> rows = org.query("SELECT name, ID, Account.NAME FROM contact WHERE LastName = 'Smith'");
        assertThat(rows.get(0)).containsExactly("name", "ID", "Account.NAME");
        assertThat(org.engine.prepare("select NAME, id from ACCOUNT", false).objectName()).isEqualTo("Account");
    }

    @Test
    void fieldNamesAreCaseInsensitive() throws Exception {
        assertThat(org.query("SELECT NAME, annualrevenue FROM account WHERE id = '" + ACME + "'"))
                .containsExactly(List.of("NAME", "annualrevenue"), List.of("Acme", "5000000"));
    }

    @Test
    void selectsParentFieldsThroughLeftJoinsWithEmptyValuesWhenThereIsNoParent() throws Exception {
        List<List<String>> rows = org.query("SELECT LastName, Account.Name, Account.Parent.Name,"
                + " Account.Parent.Owner.Email FROM Contact ORDER BY LastName");
        assertThat(rows).containsExactly(
                List.of("LastName", "Account.Name", "Account.Parent.Name", "Account.Parent.Owner.Email"),
                List.of("Orphan", "", "", ""),
                List.of("Smith", "Acme West", "Acme", "ada@example.com"));
    }

    @Test
    void followsOwnerAndCreatedByToUser() throws Exception {
        assertThat(org.query("SELECT Owner.Email, CreatedBy.LastName FROM Account WHERE Name = 'Acme'"))
                .containsExactly(List.of("Owner.Email", "CreatedBy.LastName"),
                        List.of("ada@example.com", "Lovelace"));
    }

    @Test
    void followsAPolymorphicOwnerToItsFirstTargetInTheSchema() throws Exception {
        org.insert("Case", record("Id", "500000000000001AAA", "CaseNumber", "00001001", "Subject", "Broken",
                "IsDeleted", false, "OwnerId", USER));
        assertThat(org.query("SELECT CaseNumber, Owner.Email FROM Case"))
                .containsExactly(List.of("CaseNumber", "Owner.Email"), List.of("00001001", "ada@example.com"));
    }

    @Test
    void followsCustomRelationshipsByTheirRelationshipName() throws Exception {
        org.insert("Widget__c", record("Id", "a00000000000001AAA", "Name", "W1", "IsDeleted", false,
                "Parent__c", GLOBEX));
        assertThat(org.query("SELECT Name, Parent__r.Name FROM Widget__c"))
                .containsExactly(List.of("Name", "Parent__r.Name"), List.of("W1", "Globex"));
    }

    @Test
    void pathsMayStartWithTheObjectAlias() throws Exception {
        assertThat(org.query("SELECT a.Name FROM Account a WHERE a.Name = 'Globex'"))
                .containsExactly(List.of("a.Name"), List.of("Globex"));
    }

    @Test
    void excludesDeletedRecordsUnlessQueryAll() throws Exception {
        org.insert("Account", record("Id", "001000000000009AAA", "Name", "Gone", "IsDeleted", true));
        assertThat(org.query("SELECT Name FROM Account ORDER BY Name", false)).extracting(r -> r.get(0))
                .containsExactly("Name", "Acme", "Acme West", "Globex");
        assertThat(org.query("SELECT Name FROM Account ORDER BY Name", true)).extracting(r -> r.get(0))
                .containsExactly("Name", "Acme", "Acme West", "Globex", "Gone");
    }

    @Test
    void formatsEachTypeAsSalesforceReturnsIt() throws Exception {
        org.insert("Widget__c", record("Id", "a00000000000002AAA", "Name", "Typed", "IsDeleted", false,
                "Count__c", 42, "Big__c", 9_000_000_000L, "Ratio__c", 12.5, "Price__c", 1_234_567.0,
                "Due__c", LocalDate.of(2024, 2, 29), "At__c", LocalDateTime.of(2024, 3, 1, 8, 5, 7, 9_000_000),
                "Alarm__c", LocalTime.of(7, 30, 15), "Colors__c", "Red;Blue", "Active__c", true,
                "Notes__c", "line1\nline2"));
        org.insert("Widget__c", record("Id", "a00000000000003AAA", "Name", "Empty", "IsDeleted", false,
                "Active__c", false));
        List<List<String>> rows = org.query("SELECT Id, Count__c, Big__c, Ratio__c, Price__c, Due__c, At__c,"
                + " Alarm__c, Colors__c, Active__c, Notes__c, Parent__c FROM Widget__c ORDER BY Name DESC");
        assertThat(rows.get(1)).containsExactly("a00000000000002AAA", "42", "9000000000", "12.5", "1234567",
                "2024-02-29", "2024-03-01T08:05:07.009Z", "07:30:15.000Z", "Red;Blue", "true", "line1\nline2", "");
        assertThat(rows.get(2)).containsExactly("a00000000000003AAA", "", "", "", "", "", "", "", "", "false",
                "", "");
    }

    @Test
    void formatsStandardDateTimesInUtcWithMilliseconds() throws Exception {
        assertThat(org.query("SELECT CreatedDate, NumberOfEmployees FROM Account WHERE Name = 'Acme'").get(1))
                .containsExactly("2024-01-02T17:38:59.120Z", "12");
    }

    @Test
    void ordersByRelationshipFieldsAndSeveralKeys() throws Exception {
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY Parent.Name DESC NULLS LAST, Name DESC"))
                .containsExactly("Acme West", "Globex", "Acme");
    }

    @Test
    void putsNullsFirstByDefaultAndSortsTextIgnoringCase() throws Exception {
        org.insert("Account", record("Id", "001000000000004AAA", "Name", "aardvark", "IsDeleted", false,
                "AnnualRevenue", 10.0));
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY Name")).containsExactly("aardvark", "Acme",
                "Acme West", "Globex");
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY AnnualRevenue, Name"))
                .containsExactly("Acme West", "Globex", "aardvark", "Acme");
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST, Name"))
                .containsExactly("Acme West", "Globex", "Acme", "aardvark");
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY AnnualRevenue ASC NULLS LAST, Name"))
                .containsExactly("aardvark", "Acme", "Acme West", "Globex");
    }

    @Test
    void limitsTheRowCount() throws Exception {
        assertThat(org.firstColumn("SELECT Name FROM Account ORDER BY Name LIMIT 2")).containsExactly("Acme",
                "Acme West");
        assertThat(org.firstColumn("SELECT Name FROM Account LIMIT 0")).isEmpty();
    }

    @Test
    void preparedQueryRunsAgainAndSeesNewRecords() throws Exception {
        PreparedQuery q = org.engine.prepare("SELECT Id FROM Account", false);
        assertThat(q.run(values -> { })).isEqualTo(3);
        org.insert("Account", record("Id", "001000000000005AAA", "Name", "Initech", "IsDeleted", false));
        assertThat(q.run(values -> { })).isEqualTo(4);
    }

    @Test
    void usesParametersForEveryLiteral() throws Exception {
        QueryRunner q = (QueryRunner) org.engine.prepare("SELECT Id FROM Account WHERE Name = 'x'' OR 1=1 --'"
                .replace("''", "\\'") + " AND AnnualRevenue > 5 LIMIT 3", false);
        assertThat(q.sql()).doesNotContain("OR 1=1").doesNotContain("5").contains("?");
        assertThat(q.params()).containsExactly("x' OR 1=1 --", new BigDecimal("5"), 3);
        assertThat(q.run(values -> { })).isZero();
    }

    @Test
    void preparesAndRunsFromManyThreadsAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<List<String>>>> results = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String name = i % 2 == 0 ? "Acme" : "Globex";
                results.add(pool.submit(() -> org.query("SELECT Name, Owner.Email FROM Account WHERE Name = '"
                        + name + "'")));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS).get(1))
                        .containsExactly(i % 2 == 0 ? "Acme" : "Globex", i % 2 == 0 ? "ada@example.com" : "");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
