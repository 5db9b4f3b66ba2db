package dev.kinetic.compat.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.kinetic.compat.camel.CamelOrg.Login;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.component.salesforce.api.SalesforceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Camel's REST operations beside Bulk against one fresh org holding 2,100 seeded accounts, signed in by JWT:
 * {@code query} into generated-style DTOs, {@code queryMore} through {@code nextRecordsUrl}, the
 * {@code Sforce-Query-Options} header passed through, and {@code getSObject} by id; each checked against the org's
 * records read over raw HTTP.
 */
class CamelRestIT {
    private static final int ACCOUNTS = 2_100;
    private static final String QUERY = "query?sObjectClass=" + QueryRecordsAccount.class.getName();
    // The seeded accounts only: other tests of the class add their own.
    private static final String SEEDED =
            "SELECT Id, Name, External_Key__c FROM Account WHERE External_Key__c LIKE 'R-%'";

    @TempDir
    static Path tempDir;

    private static CamelOrg camel;

    @BeforeAll
    static void start() throws Exception {
        camel = CamelOrg.start(Login.JWT, tempDir);
        camel.records().seedAccounts("Rest", "R", ACCOUNTS);
    }

    @AfterAll
    static void stop() {
        camel.close();
    }

    @Test
    void queryAnswersTheFirst2000RecordsAndQueryMoreTheRest() {
        QueryRecordsAccount first = camel.call(QUERY, SEEDED, Map.of(),
                QueryRecordsAccount.class);
        assertThat(first.getTotalSize()).isEqualTo(ACCOUNTS);
        assertThat(first.getDone()).isFalse();
        assertThat(first.getRecords()).hasSize(2000);
        assertThat(first.getNextRecordsUrl()).matches("/services/data/v[0-9.]+/query/01g\\w+-2000");

        QueryRecordsAccount second = camel.call("queryMore?sObjectClass=" + QueryRecordsAccount.class.getName(),
                first.getNextRecordsUrl(), Map.of(), QueryRecordsAccount.class);
        assertThat(second.getDone()).isTrue();
        assertThat(second.getNextRecordsUrl()).isNull();

        List<Account> all = new ArrayList<>(first.getRecords());
        all.addAll(second.getRecords());
        assertThat(all).allSatisfy(a -> assertThat(a.getAttributes().getType()).isEqualTo("Account"));
        assertThat(all).extracting(Account::getId, Account::getName, Account::getExternalKey)
                .containsExactlyInAnyOrderElementsOf(camel.records()
                        .query(SEEDED).stream()
                        .map(r -> tuple(r.get("Id"), r.get("Name"),
                                r.get("External_Key__c")))
                        .toList());
    }

    @Test
    void queryOptionsHeaderSetsThePageSize() {
        QueryRecordsAccount first = camel.call(QUERY, "SELECT Id FROM Account",
                Map.of("Sforce-Query-Options", "batchSize=500"), QueryRecordsAccount.class);
        assertThat(first.getRecords()).hasSize(500);
        assertThat(first.getNextRecordsUrl()).endsWith("-500");
    }

    @Test
    void getSObjectReadsOneRecordWithTheAskedFields() {
        String id = camel.records().seed("Account",
                List.of(Map.of("Name", "By Id Co", "Industry", "Energy", "External_Key__c", "BYID-1"))).get(0);

        Account read = camel.call("getSObject?sObjectName=Account&sObjectFields=Name,Industry,External_Key__c", id,
                Map.of(), Account.class);

        assertThat(read.getId()).isEqualTo(id);
        assertThat(read.getName()).isEqualTo("By Id Co");
        assertThat(read.getIndustry()).isEqualTo("Energy");
        assertThat(read.getExternalKey()).isEqualTo("BYID-1");
        assertThat(read.getAttributes().getType()).isEqualTo("Account");
        assertThat(read.getAttributes().getUrl()).endsWith("/sobjects/Account/" + id);
    }

    @Test
    void getSObjectWithoutFieldsReadsEveryField() {
        String id = camel.records().seed("Account", List.of(Map.of("Name", "All Fields Co", "Industry", "Retail")))
                .get(0);

        Account read = camel.call("getSObject?sObjectName=Account", id, Map.of(), Account.class);

        assertThat(read.getName()).isEqualTo("All Fields Co");
        assertThat(read.getIndustry()).isEqualTo("Retail");
        assertThat(read.getCreatedDate()).isNotNull();
        assertThat(read.getOwnerId()).isEqualTo(camel.org().adminUserId());
    }

    @Test
    void getSObjectOfAnUnknownIdFailsWithSalesforcesNotFound() {
        assertThatThrownBy(() -> camel.call("getSObject?sObjectName=Account", "001000000000000AAA", Map.of(),
                Account.class))
                .hasCauseInstanceOf(SalesforceException.class)
                .cause().satisfies(e -> {
                    SalesforceException sf = (SalesforceException) e;
                    assertThat(sf.getStatusCode()).isEqualTo(404);
                    assertThat(sf.getErrors()).singleElement()
                            .satisfies(err -> assertThat(err.getErrorCode()).isEqualTo("NOT_FOUND"));
                });
    }
}
