package dev.kinetic.core.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.RecordType;
import dev.kinetic.core.internal.bind.Fixtures.AccountBean;
import dev.kinetic.core.internal.bind.Fixtures.AccountRef;
import dev.kinetic.core.internal.bind.Fixtures.AllTypes;
import dev.kinetic.core.internal.bind.Fixtures.Contact;
import dev.kinetic.core.internal.bind.Fixtures.Stage;
import dev.kinetic.core.internal.bind.Fixtures.UserRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records and beans into ingest rows: every type, nulls as #N/A or empty, Id per operation, relationships. */
class RecordWriterTest {
    private static final Instant AT = Instant.parse("2024-01-15T10:30:00Z");

    private static Map<String, Object> row(RecordType<?> type, BulkOperation op, Object o) {
        return new RecordWriter<>(type, op).toRow(o, 0);
    }

    @Test
    void writesEverySupportedTypeAsSalesforceText() {
        AllTypes t = new AllTypes("Acme", true, false, 42, -7, 9_000_000_000L, 12L, 0.25, 1000.0,
                new BigDecimal("12345.678900"), LocalDate.of(2024, 2, 29), AT,
                OffsetDateTime.parse("2024-01-15T12:30:00+02:00"), ZonedDateTime.parse("2024-01-15T11:30:00+01:00"),
                LocalTime.of(10, 30), Stage.CLOSED_WON);
        Map<String, Object> expected = new LinkedHashMap<>();
        String[] names = {"Name", "Active", "Flag", "Count", "BoxedCount", "Big", "BoxedBig", "Ratio", "BoxedRatio",
            "Amount", "Day", "At", "OffsetAt", "ZonedAt", "Time", "Stage"};
        String[] values = {"Acme", "true", "false", "42", "-7", "9000000000", "12", "0.25", "1000", "12345.6789",
            "2024-02-29", "2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00.000Z",
            "10:30:00.000Z", "Closed Won"};
        for (int i = 0; i < names.length; i++) {
            expected.put(names[i], values[i]);
        }
        assertThat(row(RecordType.of(AllTypes.class), BulkOperation.UPDATE, t)).containsExactlyEntriesOf(expected);
    }

    @Test
    void nullsAreSentAsNaToSetNullOrEmptyToLeaveUnchangedByOption() {
        AllTypes t = new AllTypes(null, true, null, 1, null, 2, null, 3, null, null, null, null, null, null, null,
                null);
        Map<String, Object> setNull = row(RecordType.of(AllTypes.class), BulkOperation.UPSERT, t);
        assertThat(setNull).containsEntry("Name", null).containsEntry("Stage", null).containsEntry("Count", "1");
        Map<String, Object> unchanged = row(RecordType.of(AllTypes.class).leaveNullFieldsUnchanged(),
                BulkOperation.UPSERT, t);
        assertThat(unchanged).containsEntry("Name", "").containsEntry("Stage", "").containsEntry("Count", "1");
    }

    @Test
    void insertLeavesOutIdUpdateSendsItAndANullIdIsEmptyNeverNa() {
        Contact c = new Contact(null, "Smith", new AccountRef("Acme", "A-1"), null, AT);
        RecordType<Contact> type = RecordType.of(Contact.class);
        assertThat(row(type, BulkOperation.INSERT, c).keySet()).containsExactly("LastName", "Account.Name",
                "Account.External_Key__c", "Owner.Name");
        assertThat(row(type, BulkOperation.UPDATE, c)).containsEntry("Id", "");
        assertThat(row(type, BulkOperation.UPDATE, new Contact("003A", "Smith", null, null, null)))
                .containsExactly(Map.entry("Id", "003A"), Map.entry("LastName", "Smith"),
                        Map.entry("Account.Name", ""), Map.entry("Account.External_Key__c", ""),
                        Map.entry("Owner.Name", ""));
    }

    @Test
    void deletesSendOnlyTheIdAndATypeWithoutIdIsRefused() {
        Contact c = new Contact("003A", "Smith", null, new UserRef("Ann"), AT);
        assertThat(row(RecordType.of(Contact.class), BulkOperation.HARD_DELETE, c))
                .containsExactly(Map.entry("Id", "003A"));
        assertThatThrownBy(() -> new RecordWriter<>(RecordType.of(Fixtures.NoId.class), BulkOperation.DELETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("delete sends record ids, but " + Fixtures.NoId.class.getName() + " has no Id component; "
                        + "add one (e.g. String id) or use BulkInput.ofIds(ids)");
    }

    @Test
    void beansAreReadThroughGettersWithTheFieldAnnotation() {
        AccountBean b = new AccountBean();
        b.setName("Acme");
        b.setExternalKey("K-1");
        b.setNumberOfEmployees(7);
        assertThat(row(RecordType.of(AccountBean.class), BulkOperation.UPSERT, b)).containsExactly(
                Map.entry("Id", ""), Map.entry("Name", "Acme"), Map.entry("External_Key__c", "K-1"),
                Map.entry("NumberOfEmployees", "7"));
    }

    @Test
    void aValueSalesforceCannotStoreIsRefusedNamingColumnIndexAndType() {
        AllTypes t = new AllTypes("x", true, null, 1, null, 2, null, Double.NaN, null, null, null, null, null, null,
                null, null);
        assertThatThrownBy(() -> new RecordWriter<>(RecordType.of(AllTypes.class), BulkOperation.INSERT).toRow(t, 41))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot send column 'Ratio' value 'NaN' of the object at index 41 (double component "
                        + "'ratio' of " + AllTypes.class.getName() + "): Salesforce cannot store the number NaN; "
                        + "use null (written as #N/A) instead");
    }

    @Test
    void anObjectOfAnotherClassOrNullIsRefusedWithItsIndex() {
        RecordWriter<Fixtures.NoId> w = new RecordWriter<>(RecordType.of(Fixtures.NoId.class), BulkOperation.INSERT);
        assertThatThrownBy(() -> w.toRow("text", 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The object at index 3 is a java.lang.String, not a " + Fixtures.NoId.class.getName()
                        + "; give objects of one type");
        assertThatThrownBy(() -> w.toRow(null, 4)).isInstanceOf(NullPointerException.class)
                .hasMessage("The object at index 4 is null");
    }

    @Test
    void aCollectionStaysACollectionConvertedLazilyAndAnIterableIsReadOnce() {
        List<Fixtures.NoId> objects = List.of(new Fixtures.NoId("a"), new Fixtures.NoId("b"));
        Iterable<Map<String, ?>> rows = TypedRows.of(objects, RecordType.of(Fixtures.NoId.class),
                BulkOperation.INSERT);
        assertThat(rows).isInstanceOf(Collection.class).hasSize(2);
        List<Object> names = new ArrayList<>();
        rows.forEach(r -> names.add(r.get("Name")));
        rows.forEach(r -> names.add(r.get("Name")));
        assertThat(names).containsExactly("a", "b", "a", "b");
        Iterable<Fixtures.NoId> once = objects.stream()::iterator;
        assertThat(TypedRows.of(once, RecordType.of(Fixtures.NoId.class), BulkOperation.INSERT))
                .isNotInstanceOf(Collection.class);
    }
}
