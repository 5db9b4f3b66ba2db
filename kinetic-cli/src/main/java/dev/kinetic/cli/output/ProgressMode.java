package dev.kinetic.cli.output;

/** How progress is shown. */
public enum ProgressMode {
    /** A live bar when output is a terminal, plain lines otherwise. */
    AUTO,
    /** Always a live bar. */
    BAR,
    /** Plain lines, every few seconds. */
    PLAIN,
    /** No progress. */
    NONE
}
