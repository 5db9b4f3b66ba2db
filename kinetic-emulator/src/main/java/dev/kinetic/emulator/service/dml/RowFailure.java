package dev.kinetic.emulator.service.dml;

/** A row fails with this {@code sf__Error} text. Carries no stack trace: it is control flow, not a bug. */
final class RowFailure extends Exception {
    private static final long serialVersionUID = 1L;

    RowFailure(String sfError) {
        super(sfError, null, false, false);
    }

    String sfError() {
        return getMessage();
    }
}
