package dev.kinetic.cli.output;

import java.util.Locale;

/** What a progress counts, and how to print an amount of it. */
public enum Unit {
    /** Bytes, printed in KB or MB. */
    BYTES,
    /** Records. */
    RECORDS;

    /** The amount with its unit, e.g. {@code 12.5 MB} or {@code 40,000 records}. */
    public String format(long amount) {
        if (this == BYTES && amount < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f KB", amount / 1024.0);
        }
        if (this == BYTES) {
            return String.format(Locale.ROOT, "%.1f MB", amount / (1024.0 * 1024.0));
        }
        return records(amount);
    }

    /** A count of records in words, singular or plural: {@code 1 record}, {@code 40,000 records}. */
    public static String records(long count) {
        return String.format(Locale.ROOT, "%,d record%s", count, count == 1 ? "" : "s");
    }
}
