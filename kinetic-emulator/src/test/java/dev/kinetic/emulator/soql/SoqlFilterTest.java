package dev.kinetic.emulator.soql;

import static dev.kinetic.emulator.soql.SoqlFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** WHERE semantics over a fixed set of Widget__c records (see {@link #seed()}), clock at 2024-05-15T10:30Z. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoqlFilterTest {
    private static final String ACME = "001000000000001AAA";
    private SoqlFixture org;

    @BeforeAll
    void seed() throws Exception {
        org = new SoqlFixture();
        org.insert("Account", record("Id", ACME, "Name", "Acme", "IsDeleted", false));
        widget("a", "Alpha", 10, 1.5, true, LocalDate.of(2024, 5, 15), LocalDateTime.of(2024, 5, 15, 9, 0),
                "Red;Blue", ACME, LocalTime.of(8, 0));
        widget("b", "beta", 20, 2.5, false, LocalDate.of(2024, 5, 14), LocalDateTime.of(2024, 5, 14, 23, 59, 59),
                "Blue", null, LocalTime.of(9, 0));
        widget("c", "O'Brien 100%", 30, null, false, LocalDate.of(2024, 1, 1),
                LocalDateTime.of(2023, 12, 31, 23, 0), "Green;Red", null, null);
        widget("d", null, null, -4.0, true, null, null, null, null, null);
    }

    @AfterAll
    void close() {
        org.close();
    }

    private void widget(String key, String name, Integer count, Double price, boolean active, LocalDate due,
            LocalDateTime at, String colors, String parent, LocalTime alarm) throws Exception {
        org.insert("Widget__c", record("Id", "a0000000000000" + key + "AAA", "Name", name, "IsDeleted", false,
                "Count__c", count, "Price__c", price, "Active__c", active, "Due__c", due, "At__c", at,
                "Colors__c", colors, "Parent__c", parent, "Alarm__c", alarm, "Key__c", key));
    }

    private String keys(String where) throws Exception {
        return String.join("", org.firstColumn("SELECT Key__c FROM Widget__c WHERE " + where
                + " ORDER BY Key__c"));
    }

    @Test
    void comparesNumbersWithEveryOperator() throws Exception {
        assertThat(keys("Count__c = 20")).isEqualTo("b");
        assertThat(keys("Count__c != 20")).isEqualTo("acd");
        assertThat(keys("Count__c <> 20")).isEqualTo("acd");
        assertThat(keys("Count__c < 20")).isEqualTo("a");
        assertThat(keys("Count__c <= 20")).isEqualTo("ab");
        assertThat(keys("Count__c > 20")).isEqualTo("c");
        assertThat(keys("Count__c >= 20")).isEqualTo("bc");
        assertThat(keys("Price__c < 0")).isEqualTo("d");
        assertThat(keys("Price__c = 1.5")).isEqualTo("a");
        assertThat(keys("Price__c > -5.0")).isEqualTo("abd");
    }

    @Test
    void comparesTextIgnoringCase() throws Exception {
        assertThat(keys("Name = 'BETA'")).isEqualTo("b");
        assertThat(keys("Name != 'alpha'")).isEqualTo("bcd");
        assertThat(keys("Name > 'alpha'")).isEqualTo("bc");
    }

    @Test
    void readsStringEscapes() throws Exception {
        assertThat(keys("Name = 'O\\'Brien 100%'")).isEqualTo("c");
        assertThat(keys("Name = 'O\\u0027BRIEN 100%'")).isEqualTo("c");
    }

    @Test
    void matchesLikePatternsIgnoringCase() throws Exception {
        assertThat(keys("Name LIKE 'A%'")).isEqualTo("a");
        assertThat(keys("Name LIKE '%e%'")).isEqualTo("bc");
        assertThat(keys("Name LIKE 'bet_'")).isEqualTo("b");
        assertThat(keys("Name LIKE 'bet'")).isEmpty();
    }

    @Test
    void handlesNullComparisons() throws Exception {
        assertThat(keys("Name = null")).isEqualTo("d");
        assertThat(keys("Name != null")).isEqualTo("abc");
        assertThat(keys("Parent__r.Name = null")).isEqualTo("bcd");
        assertThat(keys("Parent__r.Name = 'acme'")).isEqualTo("a");
    }

    @Test
    void combinesConditionsWithAndOrNotAndParentheses() throws Exception {
        assertThat(keys("Count__c > 5 AND Active__c = false")).isEqualTo("bc");
        assertThat(keys("Count__c = 10 OR Count__c = 30 OR Name = null")).isEqualTo("acd");
        assertThat(keys("(Count__c = 10 OR Count__c = 30) AND Active__c = true")).isEqualTo("a");
        assertThat(keys("NOT Count__c = 10")).isEqualTo("bcd");
        assertThat(keys("NOT (Count__c > 15 AND Active__c = false)")).isEqualTo("ad");
        assertThat(keys("Active__c = true AND (NOT (Name LIKE 'a%'))")).isEqualTo("d");
    }

    @Test
    void filtersBooleans() throws Exception {
        assertThat(keys("Active__c = TRUE")).isEqualTo("ad");
        assertThat(keys("Active__c != true")).isEqualTo("bc");
    }

    @Test
    void filtersWithInAndNotInLists() throws Exception {
        assertThat(keys("Name IN ('ALPHA', 'beta', 'nope')")).isEqualTo("ab");
        assertThat(keys("Name NOT IN ('alpha', 'beta')")).isEqualTo("cd");
        assertThat(keys("Count__c IN (10, 30)")).isEqualTo("ac");
        assertThat(keys("Name IN ('alpha', null)")).isEqualTo("ad");
        assertThat(keys("Id IN ('a0000000000000b', 'a0000000000000cAAA')")).isEqualTo("bc");
        assertThat(keys("Due__c IN (TODAY, 2024-01-01)")).isEqualTo("ac");
    }

    @Test
    void acceptsFifteenCharacterIdsAndCheckedEighteenCharacterOnes() throws Exception {
        assertThat(keys("Id = 'a0000000000000a'")).isEqualTo("a");
        assertThat(keys("Parent__c = '001000000000001'")).isEqualTo("a");
        assertThat(keys("Parent__c != '001000000000001AAA'")).isEqualTo("bcd");
    }

    @Test
    void filtersMultipicklistsWithIncludesAndExcludes() throws Exception {
        assertThat(keys("Colors__c INCLUDES ('red')")).isEqualTo("ac");
        assertThat(keys("Colors__c INCLUDES ('Red;Blue')")).isEqualTo("a");
        assertThat(keys("Colors__c INCLUDES ('Red;Blue', 'Green')")).isEqualTo("ac");
        assertThat(keys("Colors__c EXCLUDES ('Blue')")).isEqualTo("cd");
    }

    @Test
    void comparesDatesAndDateTimesWithLiterals() throws Exception {
        assertThat(keys("Due__c = 2024-05-14")).isEqualTo("b");
        assertThat(keys("Due__c < 2024-05-14")).isEqualTo("c");
        assertThat(keys("At__c >= 2024-05-14T23:59:59Z")).isEqualTo("ab");
        assertThat(keys("At__c < 2024-05-15T01:00:00+02:00")).isEqualTo("c");
        assertThat(keys("At__c < 2024-05-15T02:00:00+02:00")).isEqualTo("bc");
        assertThat(keys("At__c = 2024-05-15T09:00:00.000Z")).isEqualTo("a");
        assertThat(keys("Alarm__c = 08:00:00.000Z")).isEqualTo("a");
    }

    @Test
    void treatsDateLiteralsAsRangesOnDateAndDateTimeFields() throws Exception {
        assertThat(keys("Due__c = TODAY")).isEqualTo("a");
        assertThat(keys("At__c = TODAY")).isEqualTo("a");
        assertThat(keys("At__c = YESTERDAY")).isEqualTo("b");
        assertThat(keys("At__c < TODAY")).isEqualTo("bc");
        assertThat(keys("At__c <= TODAY")).isEqualTo("abc");
        assertThat(keys("At__c > YESTERDAY")).isEqualTo("a");
        assertThat(keys("At__c >= YESTERDAY")).isEqualTo("ab");
        assertThat(keys("At__c != TODAY")).isEqualTo("bcd");
        assertThat(keys("Due__c = THIS_YEAR")).isEqualTo("abc");
        assertThat(keys("At__c = LAST_YEAR")).isEqualTo("c");
        assertThat(keys("Due__c = LAST_N_DAYS:1")).isEqualTo("ab");
        assertThat(keys("Due__c = THIS_WEEK")).isEqualTo("ab");
    }

    @Test
    void appliesDateFunctionsInConditions() throws Exception {
        assertThat(keys("CALENDAR_YEAR(At__c) = 2024")).isEqualTo("ab");
        assertThat(keys("CALENDAR_YEAR(Due__c) < 2025")).isEqualTo("abc");
        assertThat(keys("CALENDAR_MONTH(At__c) = 12")).isEqualTo("c");
        assertThat(keys("CALENDAR_QUARTER(Due__c) = 2")).isEqualTo("ab");
        assertThat(keys("FISCAL_QUARTER(At__c) = 4")).isEqualTo("c");
        assertThat(keys("DAY_IN_MONTH(Due__c) = 14")).isEqualTo("b");
        assertThat(keys("DAY_IN_WEEK(Due__c) = 4")).isEqualTo("a");
        assertThat(keys("DAY_IN_WEEK(Due__c) IN (2, 3)")).isEqualTo("bc");
        assertThat(keys("DAY_IN_YEAR(At__c) = 365")).isEqualTo("c");
        assertThat(keys("HOUR_IN_DAY(At__c) >= 23")).isEqualTo("bc");
        assertThat(keys("WEEK_IN_MONTH(Due__c) = 2")).isEqualTo("b");
        assertThat(keys("WEEK_IN_MONTH(Due__c) = 3")).isEqualTo("a");
        assertThat(keys("WEEK_IN_YEAR(Due__c) = 1")).isEqualTo("c");
        assertThat(keys("DAY_ONLY(At__c) = 2024-05-14")).isEqualTo("b");
        assertThat(keys("DAY_ONLY(convertTimezone(At__c)) = TODAY")).isEqualTo("a");
    }
}
