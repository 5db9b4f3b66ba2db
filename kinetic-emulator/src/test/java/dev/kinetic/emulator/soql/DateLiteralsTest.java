package dev.kinetic.emulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.apexdevtools.apexparser.ApexParser.DateFormulaContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each date-literal family at a fixed clock: Wednesday 2024-05-15T10:30Z (week from Sunday 12 May, Q2). */
class DateLiteralsTest {
    private static DateLiterals.DayRange range(String literal, String now) throws SoqlException {
        String soql = "SELECT Id FROM Account WHERE CreatedDate = " + literal;
        SoqlErrors errors = new SoqlErrors(soql);
        DateFormulaContext formula = SoqlParser.parse(soql, errors).whereClause().logicalExpression()
                .conditionalExpression(0).fieldExpression().value().dateFormula();
        return new DateLiterals(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).range(formula, errors);
    }

    @ParameterizedTest(name = "{0} is [{1}, {2})")
    @CsvSource({
        "YESTERDAY, 2024-05-14, 2024-05-15",
        "today, 2024-05-15, 2024-05-16",
        "TOMORROW, 2024-05-16, 2024-05-17",
        "LAST_N_DAYS:7, 2024-05-08, 2024-05-16",
        "NEXT_N_DAYS:7, 2024-05-16, 2024-05-23",
        "N_DAYS_AGO:3, 2024-05-12, 2024-05-13",
        "LAST_90_DAYS, 2024-02-15, 2024-05-16",
        "NEXT_90_DAYS, 2024-05-16, 2024-08-14",
        "THIS_WEEK, 2024-05-12, 2024-05-19",
        "LAST_WEEK, 2024-05-05, 2024-05-12",
        "NEXT_WEEK, 2024-05-19, 2024-05-26",
        "LAST_N_WEEKS:2, 2024-04-28, 2024-05-12",
        "NEXT_N_WEEKS:2, 2024-05-19, 2024-06-02",
        "N_WEEKS_AGO:2, 2024-04-28, 2024-05-05",
        "THIS_MONTH, 2024-05-01, 2024-06-01",
        "LAST_MONTH, 2024-04-01, 2024-05-01",
        "NEXT_MONTH, 2024-06-01, 2024-07-01",
        "LAST_N_MONTHS:3, 2024-02-01, 2024-05-01",
        "NEXT_N_MONTHS:2, 2024-06-01, 2024-08-01",
        "N_MONTHS_AGO:2, 2024-03-01, 2024-04-01",
        "THIS_QUARTER, 2024-04-01, 2024-07-01",
        "LAST_QUARTER, 2024-01-01, 2024-04-01",
        "NEXT_QUARTER, 2024-07-01, 2024-10-01",
        "LAST_N_QUARTERS:2, 2023-10-01, 2024-04-01",
        "NEXT_N_QUARTERS:2, 2024-07-01, 2025-01-01",
        "N_QUARTERS_AGO:1, 2024-01-01, 2024-04-01",
        "THIS_YEAR, 2024-01-01, 2025-01-01",
        "LAST_YEAR, 2023-01-01, 2024-01-01",
        "NEXT_YEAR, 2025-01-01, 2026-01-01",
        "LAST_N_YEARS:2, 2022-01-01, 2024-01-01",
        "NEXT_N_YEARS:2, 2025-01-01, 2027-01-01",
        "N_YEARS_AGO:3, 2021-01-01, 2022-01-01",
        "THIS_FISCAL_QUARTER, 2024-04-01, 2024-07-01",
        "LAST_FISCAL_QUARTER, 2024-01-01, 2024-04-01",
        "NEXT_N_FISCAL_QUARTERS:1, 2024-07-01, 2024-10-01",
        "N_FISCAL_QUARTERS_AGO:2, 2023-10-01, 2024-01-01",
        "THIS_FISCAL_YEAR, 2024-01-01, 2025-01-01",
        "LAST_N_FISCAL_YEARS:1, 2023-01-01, 2024-01-01",
        "N_FISCAL_YEARS_AGO:1, 2023-01-01, 2024-01-01",
    })
    void resolvesEachLiteralAtTheClock(String literal, String start, String end) throws Exception {
        assertThat(range(literal, "2024-05-15T10:30:00Z"))
                .isEqualTo(new DateLiterals.DayRange(LocalDate.parse(start), LocalDate.parse(end)));
    }

    @ParameterizedTest(name = "THIS_WEEK at {0}")
    @CsvSource({
        "2024-05-12T00:00:00Z, 2024-05-12",
        "2024-05-18T23:59:59Z, 2024-05-12",
        "2024-05-19T00:00:00Z, 2024-05-19",
        "2024-01-03T12:00:00Z, 2023-12-31",
    })
    void weeksStartOnSundayInUtc(String now, String weekStart) throws Exception {
        LocalDate start = LocalDate.parse(weekStart);
        assertThat(range("THIS_WEEK", now)).isEqualTo(new DateLiterals.DayRange(start, start.plusDays(7)));
    }

    @ParameterizedTest(name = "THIS_QUARTER at {0}")
    @CsvSource({
        "2024-03-31T23:59:59Z, 2024-01-01",
        "2024-04-01T00:00:00Z, 2024-04-01",
        "2024-12-31T12:00:00Z, 2024-10-01",
    })
    void quartersAreCalendarQuarters(String now, String quarterStart) throws Exception {
        LocalDate start = LocalDate.parse(quarterStart);
        assertThat(range("THIS_QUARTER", now)).isEqualTo(new DateLiterals.DayRange(start, start.plusMonths(3)));
    }

    @org.junit.jupiter.api.Test
    void refusesANegativeCount() {
        assertThatThrownBy(() -> range("LAST_N_DAYS:-2", "2024-05-15T10:30:00Z"))
                .isInstanceOfSatisfying(SoqlException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("MALFORMED_QUERY"));
    }
}
