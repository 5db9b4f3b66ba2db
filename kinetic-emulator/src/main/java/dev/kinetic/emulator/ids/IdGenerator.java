package dev.kinetic.emulator.ids;

import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * Hands out new 18-character record ids: key prefix, a fixed instance part ({@code Kc0}), a 9-digit base-62 serial and
 * the checksum. Serials come from a persistent counter in blocks, so ids stay unique across restarts without a
 * database round trip per record. Thread-safe.
 */
public final class IdGenerator {
    private static final String INSTANCE = "Kc0";
    private static final int BLOCK = 10_000;

    private final LongUnaryOperator reserve;
    private long next;
    private long limit;

    /**
     * @param reserve given a block size, reserves that many serials in persistent storage and returns the first one
     */
    public IdGenerator(LongUnaryOperator reserve) {
        this.reserve = Objects.requireNonNull(reserve, "reserve == null");
    }

    /** A new id with this key prefix, e.g. {@code 001Kc000000000aBIAQ}-shaped. */
    public String next(String keyPrefix) {
        long serial;
        synchronized (this) {
            if (next >= limit) {
                next = reserve.applyAsLong(BLOCK);
                limit = next + BLOCK;
            }
            serial = next++;
        }
        StringBuilder id15 = new StringBuilder(15).append(keyPrefix).append(INSTANCE);
        SalesforceIds.appendBase62(id15, serial, 15 - id15.length());
        return SalesforceIds.to18(id15.toString());
    }
}
