package dev.kinetic.emulator.service.dml;

import java.util.List;

/**
 * The working state of one CSV row while its batch is written: the converted cell values, the path it takes (insert
 * or update), its record id and its error. Confined to the thread writing the batch.
 */
final class Row {
    /** Marks a cell that sets nothing (an empty cell). */
    static final Object UNSET = new Object();

    final String[] cells;
    final Object[] values;
    String id = "";
    boolean insert;
    String error;
    String existingFirstName;
    String existingLastName;

    Row(String[] cells, int columns) {
        this.cells = cells;
        this.values = new Object[columns];
    }

    boolean ok() {
        return error == null;
    }

    void fail(String sfError) {
        if (error == null) {
            error = sfError;
        }
    }

    /** The cell of a column, or "" when the row is shorter than the header. */
    String cell(int column) {
        return column < cells.length && cells[column] != null ? cells[column] : "";
    }

    /** Whether the cell sets a value or null (is neither empty nor missing). */
    boolean sets(int column) {
        return values[column] != UNSET;
    }

    List<String> uploaded(int columns) {
        String[] out = new String[columns];
        for (int i = 0; i < columns; i++) {
            out[i] = cell(i);
        }
        return List.of(out);
    }
}
