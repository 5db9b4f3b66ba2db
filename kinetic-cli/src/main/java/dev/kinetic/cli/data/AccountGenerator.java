package dev.kinetic.cli.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes sample Account rows to a CSV file, streaming, for {@code demo} and {@code bench}: a name, an industry,
 * employees, revenue, a city and a unique {@code External_Key__c}. Deterministic for a given start number.
 */
public final class AccountGenerator {
    private static final String[] INDUSTRIES = {"Technology", "Finance", "Retail", "Energy", "Healthcare",
        "Manufacturing", "Education", "Media"};
    private static final String[] CITIES = {"Milano", "Lisboa", "Austin", "Osaka", "Lyon", "Toronto", "Leeds",
        "Porto"};

    private AccountGenerator() {
    }

    /** The header the generated files have. */
    public static String header() {
        return "Name,Industry,NumberOfEmployees,AnnualRevenue,BillingCity,External_Key__c";
    }

    /**
     * Writes {@code rows} accounts numbered from {@code first}, with keys {@code <keyPrefix><number>}.
     *
     * @throws IOException if the file cannot be written
     */
    public static Path write(Path file, String keyPrefix, long first, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header());
            out.write('\n');
            StringBuilder line = new StringBuilder(128);
            for (long n = first; n < first + rows; n++) {
                line.setLength(0);
                line.append("Account ").append(n).append(',')
                        .append(INDUSTRIES[(int) (n % INDUSTRIES.length)]).append(',')
                        .append(10 + n % 5000).append(',')
                        .append(String.format(Locale.ROOT, "%d", 100_000 + (n * 7919) % 90_000_000)).append(',')
                        .append(CITIES[(int) (n % CITIES.length)]).append(',')
                        .append(keyPrefix).append(n).append('\n');
                out.append(line);
            }
        }
        return file;
    }
}
