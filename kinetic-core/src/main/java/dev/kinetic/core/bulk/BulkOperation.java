package dev.kinetic.core.bulk;

/** An ingest operation of the Bulk API 2.0, with its wire name. */
public enum BulkOperation {
    /** Create records. */
    INSERT("insert"),
    /** Update records by {@code Id}. */
    UPDATE("update"),
    /** Insert or update records by an external id field. */
    UPSERT("upsert"),
    /** Delete records by {@code Id} (to the recycle bin). */
    DELETE("delete"),
    /** Delete records by {@code Id} for good, bypassing the recycle bin. */
    HARD_DELETE("hardDelete");

    private final String wireName;

    BulkOperation(String wireName) {
        this.wireName = wireName;
    }

    /** The name Salesforce uses, e.g. {@code hardDelete}. */
    public String wireName() {
        return wireName;
    }

    /**
     * The operation with a wire name, case-insensitively ({@code hard-delete} is accepted too).
     *
     * @param name e.g. {@code insert} or {@code hardDelete}
     * @return the operation
     * @throws IllegalArgumentException if the name is unknown
     */
    public static BulkOperation fromWireName(String name) {
        String n = name.replace("-", "").replace("_", "");
        for (BulkOperation op : values()) {
            if (op.wireName.equalsIgnoreCase(n)) {
                return op;
            }
        }
        throw new IllegalArgumentException("Unknown ingest operation '" + name
                + "'; use insert, update, upsert, delete or hardDelete");
    }
}
