package dev.kinetic.emulator.service.dml;

import java.util.Optional;

/** The ingest operations of Bulk API 2.0, with their wire names. */
public enum DmlOperation {
    INSERT("insert"), UPDATE("update"), UPSERT("upsert"), DELETE("delete"), HARD_DELETE("hardDelete");

    private final String apiName;

    DmlOperation(String apiName) {
        this.apiName = apiName;
    }

    /** The wire name, e.g. {@code hardDelete}. */
    public String apiName() {
        return apiName;
    }

    /** The operation with this wire name (exact case, as Salesforce requires). */
    public static Optional<DmlOperation> fromApiName(String name) {
        for (DmlOperation op : values()) {
            if (op.apiName.equals(name)) {
                return Optional.of(op);
            }
        }
        return Optional.empty();
    }
}
