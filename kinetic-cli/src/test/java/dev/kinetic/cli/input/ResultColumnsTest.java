package dev.kinetic.cli.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultColumnsTest {
    @TempDir
    Path dir;

    @Test
    void findsTheColumnsAResultFileAdds() {
        assertThat(ResultColumns.in(List.of("row", "sf__Id", "sf__Error", "Name"))).containsExactly("row",
                "sf__Id", "sf__Error");
        assertThat(ResultColumns.in(List.of("Name", "row"))).isEmpty(); // 'row' counts only as the first column
        assertThat(ResultColumns.in(List.of("Name", "Industry"))).isEmpty();
    }

    @Test
    void stripsThemKeepingValuesDelimiterAndLineEnding() throws IOException {
        Path failed = Files.write(dir.resolve("f.csv"), ("\uFEFFrow;sf__Id;sf__Error;Name;Description\r\n"
                + "2;;\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name];Name --\";Acme;\"two\r\nlines\"\r\n"
                + "\r\n"
                + "5;;\"X\";\"Say \"\"hi\"\"\";\r\n").getBytes(StandardCharsets.UTF_8));
        CsvInputFile input = CsvInputFile.inspect(failed);

        CsvInputFile copy = ResultColumns.strip(input, dir.resolve("copy.csv"));

        assertThat(copy.header()).containsExactly("Name", "Description");
        assertThat(copy.dialect().delimiter()).isEqualTo(Delimiter.SEMICOLON);
        assertThat(copy.dialect().lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(Files.readString(copy.path())).isEqualTo("Name;Description\r\nAcme;\"two\r\nlines\"\r\n"
                + "\"Say \"\"hi\"\"\";\r\n");
    }

    @Test
    void aBareCarriageReturnInAQuotedValueStaysInItsRowOfAnLfFile() throws IOException {
        // FastCSV 4.0.0-4.2.0, which read these files before, merged such a row with the next one.
        Path failed = Files.write(dir.resolve("cr.csv"), ("row,sf__Id,sf__Error,Name,Description\n"
                + "2,,\"X\",Acme,\"a\rb\"\n"
                + "3,,\"Y\",Beta,c\n").getBytes(StandardCharsets.UTF_8));

        CsvInputFile copy = ResultColumns.strip(CsvInputFile.inspect(failed), dir.resolve("copy.csv"));

        assertThat(Files.readString(copy.path())).isEqualTo("Name,Description\nAcme,\"a\rb\"\nBeta,c\n");
    }
}
