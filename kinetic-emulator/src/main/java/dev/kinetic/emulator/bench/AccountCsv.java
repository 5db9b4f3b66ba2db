package dev.kinetic.emulator.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Generates Account CSV rows {@code [first, end)} on the fly (header first), so uploads of any size stream without
 * being held in memory. Rows are deterministic: row {@code i} always has the same values. Not thread-safe.
 */
final class AccountCsv extends InputStream {
    static final String HEADER = "Name,External_Key__c,Industry,AnnualRevenue,NumberOfEmployees,BillingCity,Phone\n";
    private static final String[] INDUSTRIES = {"Agriculture", "Banking", "Chemicals", "Education", "Energy",
        "Technology", "Retail", "Transportation"};
    private static final String[] CITIES = {"Milano", "Paris", "Berlin", "Madrid", "Lisbon", "Vienna", "Oslo"};

    private final long end;
    private long next;
    private byte[] chunk = HEADER.getBytes(StandardCharsets.US_ASCII);
    private int pos;
    private final StringBuilder line = new StringBuilder(256);

    AccountCsv(long first, long end) {
        this.next = first;
        this.end = end;
    }

    /** The cells of row {@code i}, in the order of {@link #HEADER}. */
    static String[] values(long i) {
        return new String[] {"Benchmark Account " + i, "BENCH-" + i, INDUSTRIES[(int) (i % INDUSTRIES.length)],
            Long.toString(1000 + (i % 100_000) * 17), Long.toString(i % 5000), CITIES[(int) (i % CITIES.length)],
            "+39 02 " + (1_000_000 + i % 9_000_000)};
    }

    /** The approximate size of one row in bytes. */
    static int rowBytes() {
        return 100;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (pos == chunk.length && !refill()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
    }

    // Formats up to 1,000 rows into the next chunk.
    private boolean refill() {
        if (next >= end) {
            return false;
        }
        line.setLength(0);
        long stop = Math.min(end, next + 1000);
        for (; next < stop; next++) {
            String[] v = values(next);
            for (int c = 0; c < v.length; c++) {
                line.append(c == 0 ? "" : ",").append(v[c]);
            }
            line.append('\n');
        }
        chunk = line.toString().getBytes(StandardCharsets.US_ASCII);
        pos = 0;
        return true;
    }
}
