package dev.kinetic.core.internal.bind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.bulk.BulkRecord;
import dev.kinetic.core.bulk.RecordMappingException;
import dev.kinetic.core.bulk.RecordType;
import dev.kinetic.core.internal.bind.Fixtures.AccountBean;
import dev.kinetic.core.internal.bind.Fixtures.AccountRef;
import dev.kinetic.core.internal.bind.Fixtures.AllTypes;
import dev.kinetic.core.internal.bind.Fixtures.Contact;
import dev.kinetic.core.internal.bind.Fixtures.Keyed;
import dev.kinetic.core.internal.bind.Fixtures.Stage;
import dev.kinetic.core.internal.bind.Fixtures.UserRef;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Query rows into records and beans: every type, nulls, bad values, names, relationships, unknown and missing. */
class RecordReaderTest {
    private static final List<String> ALL_COLUMNS = List.of("Name", "Active", "Flag", "Count", "BoxedCount", "Big",
            "BoxedBig", "Ratio", "BoxedRatio", "Amount", "Day", "At", "OffsetAt", "ZonedAt", "Time", "Stage");
    private static final Instant AT = Instant.parse("2024-01-15T10:30:00Z");

    private static <T> T read(RecordType<T> type, List<String> columns, String... values) {
        return new RecordReader<>(type).read(BulkRecord.of(columns, Arrays.asList(values), -1));
    }

    private static String[] allValues() {
        return new String[] {"Acme", "true", "FALSE", "42", "-7", "9000000000", "12", "0.25", "1E3",
            "12345.678900", "2024-02-29", "2024-01-15T10:30:00.000Z", "2024-01-15T10:30:00.000+0000",
            "2024-01-15T10:30:00Z", "10:30:00.000Z", "Closed Won"};
    }

    @Test
    void readsEverySupportedTypeFromSalesforceText() {
        AllTypes t = read(RecordType.of(AllTypes.class), ALL_COLUMNS, allValues());
        assertThat(t).isEqualTo(new AllTypes("Acme", true, false, 42, -7, 9_000_000_000L, 12L, 0.25, 1000.0,
                new BigDecimal("12345.678900"), LocalDate.of(2024, 2, 29), AT, AT.atOffset(ZoneOffset.UTC),
                ZonedDateTime.ofInstant(AT, ZoneOffset.UTC), LocalTime.of(10, 30), Stage.CLOSED_WON));
    }

    @Test
    void readsDateTimesWithColonOffsetsAndWithoutMillisecondsAsTheSameInstant() {
        List<String> c = List.of("At", "OffsetAt");
        AllTypes t = read(RecordType.of(AllTypes.class), c, "2024-01-15T12:30:00+02:00", "2024-01-15T10:30:00.5Z");
        assertThat(t.at()).isEqualTo(AT);
        assertThat(t.offsetAt()).isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00.500Z"));
    }

    @Test
    void emptyValuesAreNullForObjectsAndEnumsMatchIgnoringCase() {
        String[] v = allValues();
        for (int i : new int[] {0, 2, 4, 6, 8, 9, 10, 11, 12, 13, 14}) {
            v[i] = "";
        }
        v[15] = "prospecting";
        AllTypes t = read(RecordType.of(AllTypes.class), ALL_COLUMNS, v);
        assertThat(t).isEqualTo(new AllTypes(null, true, null, 42, null, 9_000_000_000L, null, 0.25, null, null, null,
                null, null, null, null, Stage.PROSPECTING));
    }

    @Test
    void anEmptyValueForAPrimitiveIsAnErrorNamingColumnRowAndType() {
        String[] v = allValues();
        v[3] = "";
        assertThatThrownBy(() -> read(RecordType.of(AllTypes.class), ALL_COLUMNS, v))
                .isInstanceOf(RecordMappingException.class)
                .hasMessage("Cannot read column 'Count' value '' at result row 1 (the first record is row 1) as int "
                        + "for component 'count' of " + AllTypes.class.getName() + ": it is empty (null in "
                        + "Salesforce); use Integer for a field that can be empty");
    }

    @Test
    void badValuesNameTheColumnTheValueTheRowAndTheJavaType() {
        RecordReader<AllTypes> reader = new RecordReader<>(RecordType.of(AllTypes.class));
        reader.read(BulkRecord.of(ALL_COLUMNS, List.of(allValues()), -1));
        String[][] cases = {
            {"Count", "4.5", "int", "not a whole number"},
            {"Count", "abc", "int", "not a number"},
            {"BoxedCount", "3000000000", "Integer", "does not fit in Integer"},
            {"Active", "yes", "boolean", "not a boolean (true or false)"},
            {"Ratio", "x", "double", "not a number"},
            {"Day", "15/01/2024", "LocalDate", "not a date (yyyy-MM-dd)"},
            {"At", "2024-01-15 10:30", "Instant", "not a dateTime (yyyy-MM-ddTHH:mm:ss.SSSZ)"},
            {"Time", "25:00", "LocalTime", "not a time (HH:mm:ss.SSSZ)"},
            {"Stage", "Lost", "Stage", "not a value of enum Stage [PROSPECTING, Closed Won]"},
        };
        int row = 1;
        for (String[] c : cases) {
            String[] v = allValues();
            v[ALL_COLUMNS.indexOf(c[0])] = c[1];
            row++;
            assertThatThrownBy(() -> reader.read(BulkRecord.of(ALL_COLUMNS, List.of(v), -1)))
                    .isInstanceOf(RecordMappingException.class)
                    .hasMessageStartingWith("Cannot read column '" + c[0] + "' value '" + c[1] + "' at result row "
                            + row + " ")
                    .hasMessageContaining(" as " + c[2] + " for component '")
                    .hasMessageEndingWith(AllTypes.class.getName() + ": " + c[3]);
        }
    }

    @Test
    void relationshipColumnsFillNestedRecordsAndAnAllEmptyRelationshipIsNull() {
        List<String> c = List.of("Id", "LastName", "Account.Name", "Account.External_Key__c", "Owner.Name",
                "CreatedDate");
        Contact x = read(RecordType.of(Contact.class), c, "003A", "Smith", "Acme", "A-1", "Ann",
                "2024-01-15T10:30:00.000Z");
        assertThat(x).isEqualTo(new Contact("003A", "Smith", new AccountRef("Acme", "A-1"), new UserRef("Ann"), AT));
        Contact orphan = read(RecordType.of(Contact.class), c, "003B", "Jones", "", "", "Ann", "");
        assertThat(orphan.company()).isNull();
        assertThat(orphan.owner()).isEqualTo(new UserRef("Ann"));
    }

    @Test
    void annotatedNamesIncludingDottedColumnsMatchIgnoringCase() {
        Keyed k = read(RecordType.of(Keyed.class), List.of("external_key__C", "OWNER.NAME", "numberofemployees"),
                "K-9", "Ann", "12");
        assertThat(k).isEqualTo(new Keyed("K-9", "Ann", 12));
    }

    @Test
    void unknownColumnsAreIgnoredByDefaultAndRefusedByOption() {
        List<String> c = List.of("Name", "Industry", "Account.Rating");
        assertThat(read(RecordType.of(Fixtures.NoId.class), c, "Acme", "Tech", "Hot"))
                .isEqualTo(new Fixtures.NoId("Acme"));
        assertThatThrownBy(() -> read(RecordType.of(Fixtures.NoId.class).refuseUnknownColumns(), c, "Acme", "Tech",
                "Hot")).isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("The query result has columns [Industry, Account.Rating] that "
                        + Fixtures.NoId.class.getName() + " has no component for (its components match [Name])");
    }

    @Test
    void componentsNoColumnCarriesAreNullOrDefaultByDefaultAndRefusedByOption() {
        List<String> c = List.of("Name");
        AllTypes t = read(RecordType.of(AllTypes.class), c, "Acme");
        assertThat(t.name()).isEqualTo("Acme");
        assertThat(t.count()).isZero();
        assertThat(t.active()).isFalse();
        assertThat(t.boxedCount()).isNull();
        assertThatThrownBy(() -> read(RecordType.of(Contact.class).requireAllFields(), List.of("Id", "LastName",
                "Account.Name"), "003", "Smith", "Acme"))
                .isInstanceOf(RecordMappingException.class)
                .hasMessageStartingWith("The query result has no column for [Account.External_Key__c (component key), "
                        + "Owner (component owner), CreatedDate (component created)] of " + Contact.class.getName());
    }

    @Test
    void beansAreFilledThroughSettersWithTheAnnotationOnTheirField() {
        AccountBean b = read(RecordType.of(AccountBean.class), List.of("Id", "Name", "External_Key__c",
                "NumberOfEmployees"), "001", "Acme", "K-1", "50");
        assertThat(List.of(b.getId(), b.getName(), b.getExternalKey(), b.getNumberOfEmployees()))
                .containsExactly("001", "Acme", "K-1", 50);
    }

    @Test
    void aSelfReferencingTypeReadsItsParentFromRelationshipColumns() {
        Fixtures.SelfParent p = read(RecordType.of(Fixtures.SelfParent.class), List.of("Id", "Name", "Parent.Name"),
                "001", "Child", "Mother");
        assertThat(p.parent().name()).isEqualTo("Mother");
        assertThat(p.parent().parent()).isNull();
    }

    @Test
    void aNewColumnListIsPlannedAgainWhileOneListIsPlannedOnce() {
        RecordReader<Keyed> reader = new RecordReader<>(RecordType.of(Keyed.class));
        List<String> shared = new ArrayList<>(List.of("External_Key__c"));
        for (String key : List.of("A", "B", "C")) {
            assertThat(reader.read(BulkRecord.of(shared, List.of(key), -1)).key()).isEqualTo(key);
        }
        assertThat(reader.plans()).isEqualTo(1);
        assertThat(reader.read(BulkRecord.of(List.of("NumberOfEmployees"), List.of("3"), -1)))
                .isEqualTo(new Keyed(null, null, 3));
        assertThat(reader.plans()).isEqualTo(2);
    }
}
