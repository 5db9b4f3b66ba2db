package dev.kinetic.emulator.soql;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser.DateFormulaContext;
import io.github.apexdevtools.apexparser.ApexParser.SignedIntegerContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.antlr.v4.runtime.Token;

/**
 * Turns SOQL date literals ({@code TODAY}, {@code LAST_N_DAYS:7}, {@code THIS_QUARTER}…) into day ranges at the
 * org's clock. The local org's conventions, where a real org would use the user's locale and the org's fiscal
 * settings: days are UTC days; weeks start on Sunday; quarters are calendar quarters (Jan–Mar, Apr–Jun…); the fiscal
 * year is the calendar year, so {@code *_FISCAL_QUARTER*} and {@code *_FISCAL_YEAR*} equal their calendar forms.
 *
 * <p>Ranges, with {@code t} = today: {@code LAST_N_DAYS:n} is {@code [t-n, t+1)} (it includes today, so
 * {@code LAST_90_DAYS} covers 91 days); {@code NEXT_N_DAYS:n} is {@code [t+1, t+1+n)}; {@code N_DAYS_AGO:n} is the
 * single day {@code t-n}. For weeks, months, quarters and years with {@code p} = the current period,
 * {@code LAST_N_*:n} is the n whole periods before {@code p}, {@code NEXT_N_*:n} the n after it, and
 * {@code N_*_AGO:n} the one period n periods before {@code p}. Immutable and thread-safe.
 */
final class DateLiterals {
    /** A range of days: from {@code start} (inclusive) to {@code end} (exclusive). */
    record DayRange(LocalDate start, LocalDate end) {
    }

    private final Clock clock;

    DateLiterals(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * The range a date literal denotes today.
     *
     * @throws SoqlException {@code MALFORMED_QUERY} for a negative {@code :n}
     */
    DayRange range(DateFormulaContext formula, SoqlErrors errors) throws SoqlException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Token token = formula.getStart();
        int n = 0;
        SignedIntegerContext count = formula.signedInteger();
        if (count != null) {
            n = parseCount(count, errors);
        }
        LocalDate week = today.minusDays(today.getDayOfWeek().getValue() % 7);
        LocalDate month = today.withDayOfMonth(1);
        LocalDate quarter = month.withMonth((today.getMonthValue() - 1) / 3 * 3 + 1);
        LocalDate year = today.withDayOfYear(1);
        return switch (token.getType()) {
            case ApexLexer.YESTERDAY -> days(today.minusDays(1), 1);
            case ApexLexer.TODAY -> days(today, 1);
            case ApexLexer.TOMORROW -> days(today.plusDays(1), 1);
            case ApexLexer.LAST_90_DAYS -> new DayRange(today.minusDays(90), today.plusDays(1));
            case ApexLexer.NEXT_90_DAYS -> days(today.plusDays(1), 90);
            case ApexLexer.LAST_N_DAYS_N -> new DayRange(today.minusDays(n), today.plusDays(1));
            case ApexLexer.NEXT_N_DAYS_N -> days(today.plusDays(1), n);
            case ApexLexer.N_DAYS_AGO_N -> days(today.minusDays(n), 1);
            case ApexLexer.LAST_WEEK -> periods(week, ChronoUnit.WEEKS, -1, 1);
            case ApexLexer.THIS_WEEK -> periods(week, ChronoUnit.WEEKS, 0, 1);
            case ApexLexer.NEXT_WEEK -> periods(week, ChronoUnit.WEEKS, 1, 1);
            case ApexLexer.LAST_N_WEEKS_N -> periods(week, ChronoUnit.WEEKS, -n, n);
            case ApexLexer.NEXT_N_WEEKS_N -> periods(week, ChronoUnit.WEEKS, 1, n);
            case ApexLexer.N_WEEKS_AGO_N -> periods(week, ChronoUnit.WEEKS, -n, 1);
            case ApexLexer.LAST_MONTH -> periods(month, ChronoUnit.MONTHS, -1, 1);
            case ApexLexer.THIS_MONTH -> periods(month, ChronoUnit.MONTHS, 0, 1);
            case ApexLexer.NEXT_MONTH -> periods(month, ChronoUnit.MONTHS, 1, 1);
            case ApexLexer.LAST_N_MONTHS_N -> periods(month, ChronoUnit.MONTHS, -n, n);
            case ApexLexer.NEXT_N_MONTHS_N -> periods(month, ChronoUnit.MONTHS, 1, n);
            case ApexLexer.N_MONTHS_AGO_N -> periods(month, ChronoUnit.MONTHS, -n, 1);
            case ApexLexer.LAST_QUARTER, ApexLexer.LAST_FISCAL_QUARTER -> quarters(quarter, -1, 1);
            case ApexLexer.THIS_QUARTER, ApexLexer.THIS_FISCAL_QUARTER -> quarters(quarter, 0, 1);
            case ApexLexer.NEXT_QUARTER, ApexLexer.NEXT_FISCAL_QUARTER -> quarters(quarter, 1, 1);
            case ApexLexer.LAST_N_QUARTERS_N, ApexLexer.LAST_N_FISCAL_QUARTERS_N -> quarters(quarter, -n, n);
            case ApexLexer.NEXT_N_QUARTERS_N, ApexLexer.NEXT_N_FISCAL_QUARTERS_N -> quarters(quarter, 1, n);
            case ApexLexer.N_QUARTERS_AGO_N, ApexLexer.N_FISCAL_QUARTERS_AGO_N -> quarters(quarter, -n, 1);
            case ApexLexer.LAST_YEAR, ApexLexer.LAST_FISCAL_YEAR -> periods(year, ChronoUnit.YEARS, -1, 1);
            case ApexLexer.THIS_YEAR, ApexLexer.THIS_FISCAL_YEAR -> periods(year, ChronoUnit.YEARS, 0, 1);
            case ApexLexer.NEXT_YEAR, ApexLexer.NEXT_FISCAL_YEAR -> periods(year, ChronoUnit.YEARS, 1, 1);
            case ApexLexer.LAST_N_YEARS_N, ApexLexer.LAST_N_FISCAL_YEARS_N -> periods(year, ChronoUnit.YEARS, -n, n);
            case ApexLexer.NEXT_N_YEARS_N, ApexLexer.NEXT_N_FISCAL_YEARS_N -> periods(year, ChronoUnit.YEARS, 1, n);
            case ApexLexer.N_YEARS_AGO_N, ApexLexer.N_FISCAL_YEARS_AGO_N -> periods(year, ChronoUnit.YEARS, -n, 1);
            default -> throw errors.at(SoqlErrors.MALFORMED_QUERY, token,
                    "date literal " + token.getText() + " is not supported by the local org");
        };
    }

    private static int parseCount(SignedIntegerContext count, SoqlErrors errors) throws SoqlException {
        int n;
        try {
            n = Integer.parseInt(count.IntegerLiteral().getText());
        } catch (NumberFormatException e) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, count, "date literal count out of range: " + count.getText());
        }
        if (count.SUB() != null) {
            throw errors.at(SoqlErrors.MALFORMED_QUERY, count, "unexpected token: '-'");
        }
        return n;
    }

    private static DayRange days(LocalDate start, long count) {
        return new DayRange(start, start.plusDays(count));
    }

    // `count` periods of `unit`, starting `offset` periods from the current period's first day.
    private static DayRange periods(LocalDate current, ChronoUnit unit, long offset, long count) {
        LocalDate start = current.plus(offset, unit);
        return new DayRange(start, start.plus(count, unit));
    }

    private static DayRange quarters(LocalDate current, long offset, long count) {
        LocalDate start = current.plusMonths(3 * offset);
        return new DayRange(start, start.plusMonths(3 * count));
    }
}
