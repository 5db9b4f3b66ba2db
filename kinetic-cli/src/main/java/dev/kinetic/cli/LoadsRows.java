package dev.kinetic.cli;

/**
 * Marks a command that loads rows into the org, and so can end with some rows failed (exit code 1); only these list
 * that code in their {@code --help}.
 */
public interface LoadsRows {
}
