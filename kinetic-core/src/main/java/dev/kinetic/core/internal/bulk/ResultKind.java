package dev.kinetic.core.internal.bulk;

/** The three result sets of an ingest job, with their path segments. */
enum ResultKind {
    SUCCESS("successfulResults", false),
    FAILED("failedResults", true),
    UNPROCESSED("unprocessedrecords", false);

    final String path;
    /** Failures claim duplicate input rows from the end, the others from the start, so they never collide. */
    final boolean fromEnd;

    ResultKind(String path, boolean fromEnd) {
        this.path = path;
        this.fromEnd = fromEnd;
    }
}
