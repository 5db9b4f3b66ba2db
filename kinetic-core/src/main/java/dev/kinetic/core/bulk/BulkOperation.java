package dev.kinetic.core.bulk;

/**
 * The operation of a Bulk API 2.0 job, with its wire name: the five ingest operations and the two query ones
 * ({@link #kind()} tells which).
 */
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
    HARD_DELETE("hardDelete"),
    /** Read records. */
    QUERY("query"),
    /** Read records, deleted and archived ones too. */
    QUERY_ALL("queryAll");

    private final String wireName;

    BulkOperation(String wireName) {
        this.wireName = wireName;
    }

    /** {@return whether this operation loads data (ingest) or reads it (query)} */
    public JobKind kind() {
        return this == QUERY || this == QUERY_ALL ? JobKind.QUERY : JobKind.INGEST;
    }

    /** {@return the name Salesforce uses, e.g. {@code hardDelete}} */
    public String wireName() {
        return wireName;
    }

    /**
     * The operation with a wire name, case-insensitively ({@code hard-delete} and {@code query-all} are accepted too).
     *
     * @param name e.g. {@code insert}, {@code hardDelete} or {@code queryAll}
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
                + "'; use insert, update, upsert, delete, hardDelete, query or queryAll");
    }
}
