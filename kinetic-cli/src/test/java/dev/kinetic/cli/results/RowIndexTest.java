package dev.kinetic.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.cli.input.CsvInputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowIndexTest {
    @TempDir
    Path dir;

    private CsvInputFile input(String text) throws IOException {
        return CsvInputFile.inspect(Files.writeString(dir.resolve("in.csv"), text));
    }

    @Test
    void findsTheInputRowOfResultsInAnyOrder() throws IOException {
        RowIndex index = RowIndex.build(input("Name;AnnualRevenue\nAcme;912260031\nGlobex;10\nInitech;2.50\n"),
                List.of("Name", "AnnualRevenue"));
        int[] at = index.positionsIn(List.of("sf__Id", "sf__Created", "Name", "AnnualRevenue"));

        assertThat(index.claim(List.of("001", "true", "Initech", "2.5"), at)).isEqualTo(3);
        assertThat(index.claim(List.of("001", "true", "Acme", "9.12260031E8"), at)).isEqualTo(1);
        assertThat(index.claim(List.of("001", "true", "Globex", "10"), at)).isEqualTo(2);
        assertThat(index.rows()).isEqualTo(3);
    }

    @Test
    void handsOutEqualRowsOnceEachInInputOrder() throws IOException {
        RowIndex index = RowIndex.build(input("Name\nSame\nOther\nSame\n"), List.of("Name"));
        int[] at = index.positionsIn(List.of("Name"));

        assertThat(index.claim(List.of("Same"), at)).isEqualTo(1);
        assertThat(index.claim(List.of("Same"), at)).isEqualTo(3);
        assertThat(index.claim(List.of("Same"), at)).isZero();
    }

    @Test
    void matchesIdsByTheirFifteenCharacterFormAndColumnsIgnoringCase() throws IOException {
        RowIndex index = RowIndex.build(input("id,Industry\n001000000000001,Tech\n001000000000002,Tech\n"),
                List.of("Id"));
        int[] at = index.positionsIn(List.of("sf__Id", "sf__Created", "ID", "Industry"));

        assertThat(index.claim(List.of("x", "false", "001000000000002AAA", "Tech"), at)).isEqualTo(2);
    }

    @Test
    void aResultWithoutTheKeyColumnCannotBeMatched() throws IOException {
        RowIndex index = RowIndex.build(input("Name\nA\n"), List.of("Name"));

        assertThat(index.positionsIn(List.of("sf__Id", "sf__Error"))).isNull();
    }

    @Test
    void unknownValuesMatchNothing() throws IOException {
        RowIndex index = RowIndex.build(input("Name\nA\n"), List.of("Name"));

        assertThat(index.claim(List.of("B"), index.positionsIn(List.of("Name")))).isZero();
    }
}
