package dev.kinetic.emulator.service.dml;

/**
 * The whole job fails before any row is processed, with Salesforce's {@code errorMessage}, e.g.
 * {@code InvalidBatch : Field name not found : Foo}.
 */
public final class DmlJobFailure extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param errorMessage the job's errorMessage, verbatim */
    public DmlJobFailure(String errorMessage) {
        super(errorMessage);
    }
}
