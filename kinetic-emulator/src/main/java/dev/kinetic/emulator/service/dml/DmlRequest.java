package dev.kinetic.emulator.service.dml;

import java.util.List;
import java.util.Objects;

/**
 * What an ingest job asks the engine to do: the object, the operation, the CSV header as uploaded, the external id
 * field of an upsert, and the user the job runs as. Immutable.
 *
 * @param objectName the job's object, e.g. {@code Account}
 * @param operation the operation
 * @param header the CSV header cells as uploaded (echoed verbatim in results)
 * @param externalIdFieldName the upsert key field, or null for other operations
 * @param userId the 18-character id of the job's creator (CreatedById, LastModifiedById, default OwnerId)
 */
public record DmlRequest(String objectName, DmlOperation operation, List<String> header, String externalIdFieldName,
                         String userId) {
    /** Validates and copies. */
    public DmlRequest {
        Objects.requireNonNull(objectName, "objectName == null");
        Objects.requireNonNull(operation, "operation == null");
        header = List.copyOf(header);
        Objects.requireNonNull(userId, "userId == null");
    }
}
