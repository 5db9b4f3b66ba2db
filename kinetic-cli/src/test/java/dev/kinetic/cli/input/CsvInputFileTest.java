package dev.kinetic.cli.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.cli.CliException;
import dev.kinetic.cli.ExitCodes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CsvInputFileTest {
    @TempDir
    Path dir;

    private Path file(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path file(String name, String text) throws IOException {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(Delimiter.class)
    void detectsEachOfTheSixDelimitersFromTheHeader(Delimiter delimiter) throws IOException {
        char d = delimiter.character();
        Path csv = file("in.csv", "Name" + d + "Industry" + d + "External_Key__c\nAcme" + d + "Tech" + d + "K1\n");

        CsvInputFile input = CsvInputFile.inspect(csv);

        assertThat(input.dialect().delimiter()).isEqualTo(delimiter);
        assertThat(input.header()).containsExactly("Name", "Industry", "External_Key__c");
    }

    @Test
    void ignoresDelimiterCharactersInsideQuotedHeaderNames() throws IOException {
        Path csv = file("in.csv", "\"Name;x\",Industry\nA,B\n");

        CsvInputFile input = CsvInputFile.inspect(csv);

        assertThat(input.dialect().delimiter()).isEqualTo(Delimiter.COMMA);
        assertThat(input.header()).containsExactly("Name;x", "Industry");
    }

    @Test
    void aSingleColumnFileIsComma() throws IOException {
        assertThat(CsvInputFile.inspect(file("ids.csv", "Id\n001000000000001\n")).dialect().delimiter())
                .isEqualTo(Delimiter.COMMA);
    }

    @Test
    void detectsLfAndCrlfFromTheFileNotTheSystem() throws IOException {
        assertThat(CsvInputFile.inspect(file("lf.csv", "Name\nA\r\n")).dialect().lineEnding())
                .isEqualTo(LineEnding.LF);
        assertThat(CsvInputFile.inspect(file("crlf.csv", "Name,Industry\r\nA,B\r\n")).dialect().lineEnding())
                .isEqualTo(LineEnding.CRLF);
    }

    @Test
    void aLineBreakInsideAQuotedHeaderNameIsNotTheLineEnding() throws IOException {
        CsvInputFile input = CsvInputFile.inspect(file("q.csv", "\"Na\nme\",B\r\nx,y\r\n"));

        assertThat(input.dialect().lineEnding()).isEqualTo(LineEnding.CRLF);
        assertThat(input.header()).containsExactly("Na\nme", "B");
    }

    @Test
    void rejectsOldMacLineEndings() throws IOException {
        Path csv = file("cr.csv", "Name,Industry\rA,B\r");

        assertThatThrownBy(() -> CsvInputFile.inspect(csv)).isInstanceOf(CliException.class)
                .hasMessageContaining("CR alone").hasMessageContaining("LF or CRLF");
    }

    @Test
    void stripsAUtf8BomAndStreamsTheDataWithoutIt() throws IOException {
        byte[] body = "Name,Industry\nAcme,Tech\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Path csv = file("bom.csv", withBom);

        CsvInputFile input = CsvInputFile.inspect(csv);

        assertThat(input.dialect().bom()).isTrue();
        assertThat(input.header()).containsExactly("Name", "Industry");
        assertThat(input.dataSize()).isEqualTo(body.length);
        try (InputStream in = input.openData()) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void aFileWithoutBomIsUploadedAsIs() throws IOException {
        byte[] body = "Name\nA\n".getBytes(StandardCharsets.UTF_8);
        CsvInputFile input = CsvInputFile.inspect(file("plain.csv", body));

        assertThat(input.dialect().bom()).isFalse();
        try (InputStream in = input.openData()) {
            assertThat(in.readAllBytes()).isEqualTo(body);
        }
    }

    @Test
    void rejectsAnEmptyColumnNameNamingTheColumn() throws IOException {
        Path csv = file("empty.csv", "Name,,Industry\nA,B,C\n");

        assertThatThrownBy(() -> CsvInputFile.inspect(csv)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageContaining("empty column name at column 2");
    }

    @Test
    void rejectsADuplicateColumnNameIgnoringCase() throws IOException {
        Path csv = file("dup.csv", "Name;Industry;name\nA;B;C\n");

        assertThatThrownBy(() -> CsvInputFile.inspect(csv)).isInstanceOf(CliException.class)
                .hasMessageContaining("'name' twice (columns 1 and 3)");
    }

    @Test
    void aMissingFileIsAUsageErrorNamingThePath() {
        Path missing = dir.resolve("nope.csv");

        assertThatThrownBy(() -> CsvInputFile.inspect(missing)).isInstanceOfSatisfying(CliException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCodes.USAGE))
                .hasMessageContaining("not found").hasMessageContaining("nope.csv");
    }

    @Test
    void anEmptyFileHasNoHeader() throws IOException {
        Path csv = file("blank.csv", "");

        assertThatThrownBy(() -> CsvInputFile.inspect(csv)).isInstanceOf(CliException.class)
                .hasMessageContaining("no header row");
    }

    @Test
    void aHeaderThatIsNotUtf8IsRejected() throws IOException {
        Path csv = file("latin1.csv", new byte[] {'N', 'a', (byte) 0xE9, ',', 'B', '\n'});

        assertThatThrownBy(() -> CsvInputFile.inspect(csv)).isInstanceOf(CliException.class)
                .hasMessageContaining("(line 1) is not valid UTF-8").hasMessageContaining("--encoding");
    }
}
