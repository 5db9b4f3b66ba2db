package dev.kinetic.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.testing.ItOrg;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Typed records against a local org: 1,000 contacts inserted from a stream of records, each linked to its account
 * by external id, read back into records with the {@code Account.Name} relationship, then updated, deleted and
 * read with queryAll, all typed.
 */
class TypedRecordsIT {
    private static final int CONTACTS = 1000;
    /** The records inserted before all tests are read by every test: no reset between them. */
    @RegisterExtension
    static final LocalOrgExtension ORG = ItOrg.extensionBuilder().resetBeforeEachTest(false).build();
    private static SalesforceClient client;
    private static BulkClient bulk;
    private static List<NewContact> inserted;

    /** An account as inserted: its key is the external id contacts point at. */
    public record Company(@SalesforceField("External_Key__c") String key, String name, Integer numberOfEmployees,
                          BigDecimal annualRevenue, Rating rating) {
    }

    /** The picklist Account.Rating. */
    public enum Rating { Hot, Warm, Cold }

    /** The account side of a contact's lookup, by external id. */
    public record CompanyKey(@SalesforceField("External_Key__c") String key) {
    }

    /** A contact to insert, linked to its account through the relationship column Account.External_Key__c. */
    public record NewContact(String firstName, String lastName, String email, LocalDate birthdate,
                             @SalesforceField("Account") CompanyKey account) {
    }

    /** A contact as queried, with its account's name; the relationship is read-only. */
    public record ContactRow(String id, String firstName, String lastName, String email, LocalDate birthdate,
                             @SalesforceField(readOnly = true) Instant createdDate,
                             @SalesforceField(value = "Account", readOnly = true) AccountName account) {
    }

    /** The parent fields a contact query reads. */
    public record AccountName(String name) {
    }

    @BeforeAll
    static void start(SalesforceClient shared) {
        client = shared;
        bulk = client.bulk();
        List<Company> companies = IntStream.range(0, 10).mapToObj(i -> new Company("T-" + i, "Typed Co " + i,
                i * 10, new BigDecimal(i + "000.50"), Rating.values()[i % 3])).toList();
        assertThat(bulk.insert("Account", BulkInput.ofObjects(companies), ItOrg.FAST).successCount()).isEqualTo(10);
        inserted = IntStream.range(0, CONTACTS).mapToObj(i -> new NewContact("First" + i, "Thousand" + i,
                i % 7 == 0 ? null : "c" + i + "@example.com", LocalDate.of(1980, 1, 1).plusDays(i),
                new CompanyKey("T-" + (i % 10)))).toList();
        Stream<NewContact> stream = inserted.stream();
        BulkResult r = bulk.insert("Contact", BulkInput.ofObjects(stream, NewContact.class), ItOrg.FAST);
        assertThat(r.failedRecords()).isEmpty();
        assertThat(r.successCount()).isEqualTo(CONTACTS);
    }

    private static final String SOQL = "SELECT Id, FirstName, LastName, Email, Birthdate, CreatedDate, Account.Name "
            + "FROM Contact WHERE LastName LIKE 'Thousand%'";
    private static final String OTHERS = "SELECT Id, FirstName, LastName, Email, Birthdate FROM Contact WHERE LastName ";

    @Test
    void insertsThousandRecordsAndQueriesThemBackWithTheirAccountNames() {
        List<ContactRow> rows = bulk.query(SOQL, RecordType.of(ContactRow.class).refuseUnknownColumns()
                .requireAllFields(), ItOrg.FAST_QUERY);
        assertThat(rows).hasSize(CONTACTS);
        Map<String, ContactRow> byLastName = rows.stream().collect(Collectors.toMap(ContactRow::lastName,
                Function.identity()));
        for (int i = 0; i < CONTACTS; i++) {
            NewContact in = inserted.get(i);
            ContactRow out = byLastName.get(in.lastName());
            assertThat(out.id()).startsWith("003");
            assertThat(out.firstName()).isEqualTo(in.firstName());
            assertThat(out.email()).isEqualTo(in.email());
            assertThat(out.birthdate()).isEqualTo(in.birthdate());
            assertThat(out.createdDate()).isNotNull();
            assertThat(out.account()).isEqualTo(new AccountName("Typed Co " + (i % 10)));
        }
    }

    @Test
    void accountsComeBackWithDecimalsIntegersAndPicklistsAsTheyWent() {
        List<Company> back = bulk.query("SELECT External_Key__c, Name, NumberOfEmployees, AnnualRevenue, Rating "
                + "FROM Account WHERE External_Key__c LIKE 'T-%' ORDER BY External_Key__c", Company.class);
        assertThat(back).hasSize(10);
        assertThat(back.get(3)).isEqualTo(new Company("T-3", "Typed Co 3", 30, new BigDecimal("3000.5"),
                Rating.Hot));
    }

    @Test
    void upsertMatchesTypedRowsByTheirExternalId() {
        Company first = new Company("U-1", "Upserted", 5, null, Rating.Warm);
        BulkResult created = bulk.upsert("Account", BulkInput.ofObjects(List.of(first)), "External_Key__c",
                ItOrg.FAST);
        assertThat(created.successRecords()).singleElement().satisfies(r -> assertThat(r.created()).contains(true));
        Company renamed = new Company("U-1", "Upserted again", 6, null, null);
        BulkResult updated = bulk.upsert("Account", BulkInput.ofObjects(List.of(renamed)), "External_Key__c",
                ItOrg.FAST);
        assertThat(updated.successRecords()).singleElement().satisfies(r -> assertThat(r.created()).contains(false));
        assertThat(bulk.query("SELECT External_Key__c, Name, NumberOfEmployees, AnnualRevenue, Rating FROM Account "
                + "WHERE External_Key__c = 'U-1'", RecordType.of(Company.class), ItOrg.FAST_QUERY))
                .containsExactly(renamed);
    }

    @Test
    void aTypedStreamReadsPageByPage() {
        QueryOptions pages = ItOrg.FAST_QUERY.toBuilder().maxRecordsPerPage(150).build();
        try (Stream<ContactRow> s = bulk.queryStream(SOQL, RecordType.of(ContactRow.class), pages)) {
            assertThat(s.filter(c -> c.account() != null).count()).isEqualTo(CONTACTS);
        }
    }

    private static List<ContactRow> insertAndRead(String lastNamePrefix, int count) {
        List<NewContact> in = IntStream.range(0, count).mapToObj(i -> new NewContact("F" + i, lastNamePrefix + i,
                "u" + i + "@example.com", LocalDate.of(1990, 5, 1 + i), null)).toList();
        assertThat(bulk.insert("Contact", BulkInput.ofObjects(in), ItOrg.FAST).successCount()).isEqualTo(count);
        return bulk.query(OTHERS + "LIKE '" + lastNamePrefix + "%' ORDER BY LastName", RecordType.of(ContactRow.class),
                ItOrg.FAST_QUERY);
    }

    @Test
    void updateSendsNullAsNaToClearAFieldOrLeavesItUnchangedByOption() {
        List<ContactRow> two = insertAndRead("TypedUpd", 2);
        List<ContactRow> cleared = List.of(new ContactRow(two.get(0).id(), "Renamed", "TypedUpd0", null, null, null,
                null));
        BulkResult r = bulk.update("Contact", BulkInput.ofObjects(cleared), ItOrg.FAST);
        assertThat(r.errors()).isEmpty();
        List<ContactRow> kept = List.of(new ContactRow(two.get(1).id(), "Renamed", "TypedUpd1", null, null, null,
                null));
        assertThat(bulk.update("Contact", BulkInput.ofObjects(kept, RecordType.of(ContactRow.class)
                .leaveNullFieldsUnchanged()), ItOrg.FAST).errors()).isEmpty();
        List<ContactRow> after = bulk.query(OTHERS + "LIKE 'TypedUpd%' ORDER BY LastName",
                RecordType.of(ContactRow.class), ItOrg.FAST_QUERY);
        assertThat(after.get(0).firstName()).isEqualTo("Renamed");
        assertThat(after.get(0).email()).isNull();
        assertThat(after.get(0).birthdate()).isNull();
        assertThat(after.get(1).firstName()).isEqualTo("Renamed");
        assertThat(after.get(1).email()).isEqualTo("u1@example.com");
        assertThat(after.get(1).birthdate()).isEqualTo(LocalDate.of(1990, 5, 2));
    }

    @Test
    void deleteSendsTheIdsOfTypedRowsAndQueryAllStillSeesThem() {
        List<ContactRow> doomed = insertAndRead("TypedDel", 3);
        assertThat(bulk.delete("Contact", BulkInput.ofObjects(doomed), ItOrg.FAST).successCount()).isEqualTo(3);
        String soql = OTHERS + "LIKE 'TypedDel%'";
        assertThat(bulk.query(soql, RecordType.of(ContactRow.class), ItOrg.FAST_QUERY)).isEmpty();
        assertThat(bulk.query(soql, RecordType.of(ContactRow.class), ItOrg.FAST_QUERY.toBuilder()
                .includeDeleted(true).build())).extracting(ContactRow::id)
                .containsExactlyInAnyOrderElementsOf(doomed.stream().map(ContactRow::id).toList());
    }

    @Test
    void aFailedRowMapsBackToItsInputObject() {
        List<NewContact> batch = new ArrayList<>(List.of(
                new NewContact("A", "TypedFail0", null, null, null),
                new NewContact("B", null, null, null, null),
                new NewContact("C", "TypedFail2", null, null, new CompanyKey("no-such-key"))));
        BulkResult r = bulk.insert("Contact", BulkInput.ofObjects(batch), ItOrg.FAST);
        assertThat(r.successCount()).isEqualTo(1);
        assertThat(r.failedRecords()).extracting(f -> batch.get((int) f.inputIndex()).firstName())
                .containsExactlyInAnyOrder("B", "C");
        assertThat(r.failedRecordsForRetry()).extracting(m -> m.get("FirstName") + "/" + m.get("LastName"))
                .containsExactlyInAnyOrder("B/null", "C/TypedFail2");
    }

    @Test
    void aValueThatDoesNotFitTheTypeNamesColumnValueRowAndType() {
        record Wrong(String name, int rating) {
        }
        assertThatThrownBy(() -> bulk.query("SELECT Name, Rating FROM Account WHERE External_Key__c = 'T-0'",
                Wrong.class)).isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("Cannot read column 'Rating' value 'Hot' at result row 1 (the first record "
                        + "is row 1) as int for component 'rating' of " + Wrong.class.getName() + ": not a number");
    }
}
