package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RowTest {
    @Test
    void keepsTheFirstErrorOnly() {
        Row row = new Row(new String[] {"a"}, 1);
        row.fail("FIRST:one:--");
        row.fail("SECOND:two:--");
        assertThat(row.error).isEqualTo("FIRST:one:--");
        assertThat(row.ok()).isFalse();
    }

    @Test
    void shortRowsReadAsEmptyCells() {
        Row row = new Row(new String[] {"a", null}, 3);
        assertThat(row.cell(0)).isEqualTo("a");
        assertThat(row.cell(1)).isEmpty();
        assertThat(row.cell(2)).isEmpty();
        assertThat(row.uploaded(3)).containsExactly("a", "", "");
    }

    @Test
    void setsMeansNeitherEmptyNorMissing() {
        Row row = new Row(new String[] {"a", "#N/A"}, 2);
        row.values[0] = Row.UNSET;
        row.values[1] = null;
        assertThat(row.sets(0)).isFalse();
        assertThat(row.sets(1)).isTrue();
    }
}
