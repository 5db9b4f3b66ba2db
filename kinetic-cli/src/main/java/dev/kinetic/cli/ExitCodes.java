package dev.kinetic.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of the {@code kinetic} command, as data so that {@code --help} and the README list the same ones. */
public final class ExitCodes {
    /** Every row succeeded (or the command had no rows to move). */
    public static final int OK = 0;
    /** Some rows failed; the result files say which. */
    public static final int SOME_ROWS_FAILED = 1;
    /** Usage: bad arguments, a missing or malformed input file, an unknown object, field or query. */
    public static final int USAGE = 2;
    /** Authentication failed or no credentials were usable. */
    public static final int AUTH = 3;
    /** The job failed or was aborted. */
    public static final int JOB_FAILED = 4;
    /** Gave up waiting; the job is still running and its id is printed. */
    public static final int TIMEOUT = 5;
    /**
     * Gave up on the network or the server after retries (job ids printed when jobs exist), or a result could not
     * be read in full, or its result files could not be written once the job existed: a partially read result is
     * never exit 0.
     */
    public static final int NETWORK = 6;

    private ExitCodes() {
    }

    /** The codes with a one-line meaning each, in order, for the help text of a command that loads rows. */
    public static Map<String, String> descriptions() {
        return descriptions(true);
    }

    /**
     * The codes with a one-line meaning each, in order, for a command's help text.
     *
     * @param loadsRows whether the command loads rows (and so can end with some of them failed, code 1)
     */
    public static Map<String, String> descriptions(boolean loadsRows) {
        Map<String, String> codes = new LinkedHashMap<>();
        if (loadsRows) {
            codes.put(Integer.toString(OK), "all rows succeeded");
            codes.put(Integer.toString(SOME_ROWS_FAILED), "some rows failed (see <jobId>-failed-records.csv)");
        } else {
            codes.put(Integer.toString(OK), "done");
        }
        codes.put(Integer.toString(USAGE), "usage: bad arguments, input file, object, field or query");
        codes.put(Integer.toString(AUTH), "authentication failed or no usable credentials");
        codes.put(Integer.toString(JOB_FAILED), "the job failed or was aborted");
        codes.put(Integer.toString(TIMEOUT), "timed out; the job is still running (id printed)");
        codes.put(Integer.toString(NETWORK), "network or server gave up, or a result was read or written in part");
        return codes;
    }
}
