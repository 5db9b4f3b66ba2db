package dev.kinetic.cli.input;

import dev.kinetic.cli.CliException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV input file, inspected before anything is sent: the delimiter and line ending are detected from the header
 * row (never from the operating system), a UTF-8 BOM is noted so {@link #openData()} can skip it, and the header is
 * checked for empty and duplicate column names. Only the header row is read; the data is streamed later.
 * Immutable.
 */
public final class CsvInputFile {
    /** Salesforce's limit on the header row is 32,000 characters; allow some bytes of slack for multi-byte text. */
    static final int MAX_HEADER_BYTES = 128 * 1024;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Path path;
    private final CsvDialect dialect;
    private final List<String> header;
    private final long size;
    private final Charset charset;

    private CsvInputFile(Path path, CsvDialect dialect, List<String> header, long size, Charset charset) {
        this.path = path;
        this.dialect = dialect;
        this.header = List.copyOf(header);
        this.size = size;
        this.charset = charset;
    }

    /** Reads and checks the header of a UTF-8 CSV file; see {@link #inspect(Path, Charset)}. */
    public static CsvInputFile inspect(Path path) {
        return inspect(path, StandardCharsets.UTF_8);
    }

    /**
     * Reads and checks the header of a CSV file.
     *
     * @param charset the file's character set (a UTF-8 BOM is only looked for in UTF-8)
     * @throws CliException (usage) if the file is missing, empty, not in the character set, uses CR line endings,
     *                      or its header has an empty or duplicate column name
     */
    public static CsvInputFile inspect(Path path, Charset charset) {
        if (!Files.isRegularFile(path)) {
            throw CliException.usage("Input file not found: " + path + " (check the --file path)");
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(path))) {
            byte[] first = in.readNBytes(3);
            boolean bom = charset.equals(StandardCharsets.UTF_8) && first.length == 3 && first[0] == BOM[0]
                    && first[1] == BOM[1] && first[2] == BOM[2];
            ByteArrayOutputStream headerBytes = new ByteArrayOutputStream();
            if (!bom) {
                headerBytes.write(first);
            }
            HeaderScan scan = scanHeader(path, headerBytes.toByteArray(), in);
            String text = decode(path, scan.headerBytes(), charset);
            if (text.isBlank()) {
                throw CliException.usage("Input file " + path + " has no header row (the first line must name the "
                        + "fields, e.g. Name,Industry)");
            }
            Delimiter delimiter = detectDelimiter(text);
            List<String> names = split(text, delimiter.character());
            checkHeader(path, names);
            return new CsvInputFile(path, new CsvDialect(delimiter, scan.lineEnding(), bom), names, Files.size(path),
                    charset);
        } catch (NoSuchFileException e) {
            throw CliException.usage("Input file not found: " + path + " (check the --file path)", e);
        } catch (IOException e) {
            throw CliException.usage("Cannot read input file " + path + ": " + e.getMessage(), e);
        }
    }

    /** The file. */
    public Path path() {
        return path;
    }

    /** The file's character set (the rows are sent as UTF-8). */
    public Charset charset() {
        return charset;
    }

    /** The detected delimiter, line ending and BOM. */
    public CsvDialect dialect() {
        return dialect;
    }

    /** The column names of the header row, unquoted. */
    public List<String> header() {
        return header;
    }

    /** The file's size in bytes, BOM included. */
    public long size() {
        return size;
    }

    /** The bytes to upload: the file without its BOM. */
    public long dataSize() {
        return dialect.bom() ? size - BOM.length : size;
    }

    /**
     * Opens the file for upload, positioned after the BOM if there is one. The caller closes the stream.
     *
     * @throws IOException if the file cannot be opened
     */
    public InputStream openData() throws IOException {
        InputStream in = Files.newInputStream(path);
        if (dialect.bom()) {
            in.skipNBytes(BOM.length);
        }
        return in;
    }

    private record HeaderScan(byte[] headerBytes, LineEnding lineEnding) {
    }

    /** Reads up to the first line break outside quotes and tells which line ending it was. */
    private static HeaderScan scanHeader(Path path, byte[] start, InputStream rest) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean quoted = false;
        int pending = -1;
        int index = 0;
        while (true) {
            int b = pending >= 0 ? pending : index < start.length ? start[index++] & 0xFF : rest.read();
            pending = -1;
            if (b < 0) {
                return new HeaderScan(out.toByteArray(), LineEnding.LF);
            }
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == '\n') {
                return new HeaderScan(out.toByteArray(), LineEnding.LF);
            } else if (!quoted && b == '\r') {
                int next = index < start.length ? start[index++] & 0xFF : rest.read();
                if (next == '\n') {
                    return new HeaderScan(out.toByteArray(), LineEnding.CRLF);
                }
                throw CliException.usage("Input file " + path + " ends its lines with CR alone (old Mac style); "
                        + "Salesforce accepts LF or CRLF: convert the file, e.g. with: tr '\\r' '\\n'");
            }
            out.write(b);
            if (out.size() > MAX_HEADER_BYTES) {
                throw CliException.usage("Input file " + path + " has no line break in its first "
                        + MAX_HEADER_BYTES + " bytes; is it a CSV file with a header row?");
            }
        }
    }

    private static String decode(Path path, byte[] bytes, Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw CliException.usage("The header of " + path + " (line 1) is not valid " + charset.name()
                    + "; give the file's character set with --encoding (e.g. --encoding windows-1252) or convert it, "
                    + "e.g. with: iconv -f WINDOWS-1252 -t UTF-8", e);
        }
    }

    /**
     * Detects the delimiter of a header line: the candidate seen most often outside quotes; ties go to the earlier
     * one in {@link Delimiter}'s order; none at all means a single column (comma).
     */
    public static Delimiter detectDelimiter(String headerLine) {
        Map<Character, Integer> counts = new HashMap<>();
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                counts.merge(c, 1, Integer::sum);
            }
        }
        Delimiter best = Delimiter.COMMA;
        int bestCount = 0;
        for (Delimiter d : Delimiter.values()) {
            int count = counts.getOrDefault(d.character(), 0);
            if (count > bestCount) {
                best = d;
                bestCount = count;
            }
        }
        return best;
    }

    /** Splits one CSV line on the delimiter, honouring quotes and doubled quotes. */
    public static List<String> split(String line, char delimiter) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == delimiter) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    private static void checkHeader(Path path, List<String> names) {
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).strip();
            if (name.isEmpty()) {
                throw CliException.usage("The header of " + path + " has an empty column name at column " + (i + 1)
                        + "; name every column with a field's API name (or remove the column)");
            }
            Integer previous = seen.putIfAbsent(name.toLowerCase(Locale.ROOT), i + 1);
            if (previous != null) {
                throw CliException.usage("The header of " + path + " names '" + name + "' twice (columns "
                        + previous + " and " + (i + 1) + "); keep one of them");
            }
        }
    }
}
