package dev.kinetic.core.bulk;

/** Whether a job loads data (ingest) or reads it (query / queryAll). */
public enum JobKind {
    /** insert, update, upsert, delete, hardDelete */
    INGEST,
    /** query, queryAll */
    QUERY
}
