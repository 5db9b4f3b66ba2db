package dev.kinetic.benchmarks;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Account-like rows for the benchmarks, deterministic for a given count: the value types a caller of
 * {@code BulkClient.insert(List<Map>)} passes (strings, an integer, a decimal, a boolean, a date, an instant and a
 * {@code null}), and one name in ten holding a comma and a quote so the writer's quoting path is exercised.
 */
public final class AccountRows {
    /** The columns, in the order the writer writes them. */
    public static final List<String> HEADER = List.of("Name", "Industry", "NumberOfEmployees", "AnnualRevenue",
            "BillingCity", "External_Key__c", "IsActive__c", "SLAExpirationDate__c", "LastSeen__c", "Description");

    private static final String[] INDUSTRIES = {"Technology", "Finance", "Retail", "Energy", "Healthcare",
        "Manufacturing", "Education", "Media"};
    private static final String[] CITIES = {"Milano", "Lisboa", "Austin", "Osaka", "Lyon", "Toronto", "Leeds",
        "Porto"};
    private static final LocalDate DAY = LocalDate.of(2026, 1, 1);
    private static final Instant SEEN = Instant.parse("2026-01-01T08:30:00Z");

    private AccountRows() {
    }

    /**
     * Builds {@code count} rows keyed by {@link #HEADER}.
     *
     * @param count how many rows, at least 0
     * @return a new mutable list of new maps
     */
    public static List<Map<String, Object>> generate(int count) {
        List<Map<String, Object>> rows = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("Name", n % 10 == 0 ? "Account \"" + n + "\", Ltd." : "Account " + n);
            row.put("Industry", INDUSTRIES[n % INDUSTRIES.length]);
            row.put("NumberOfEmployees", 10 + n % 5000);
            row.put("AnnualRevenue", BigDecimal.valueOf(100_000L + (n * 7919L) % 90_000_000L, 2));
            row.put("BillingCity", CITIES[n % CITIES.length]);
            row.put("External_Key__c", "BENCH-" + n);
            row.put("IsActive__c", n % 2 == 0);
            row.put("SLAExpirationDate__c", DAY.plusDays(n % 365));
            row.put("LastSeen__c", SEEN.plusSeconds(n));
            row.put("Description", null);
            rows.add(row);
        }
        return rows;
    }
}
