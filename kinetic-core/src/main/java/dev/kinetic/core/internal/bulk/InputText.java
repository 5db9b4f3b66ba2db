package dev.kinetic.core.internal.bulk;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Proves a CSV input decodes in its character set before anything is sent, and transcodes a non-UTF-8 input to a
 * UTF-8 spool file (Salesforce reads UTF-8 only). An undecodable byte is refused with the line it is on, instead
 * of being stored as U+FFFD in the org.
 */
final class InputText {
    private static final int BUFFER = 1 << 16;

    private InputText() {
    }

    /**
     * Checks that the file decodes in the character set.
     *
     * @throws IllegalArgumentException naming the line of the first undecodable byte
     */
    static void check(Path file, Charset charset) {
        if (charset.equals(StandardCharsets.UTF_8) && ascii(file)) {
            return; // every byte below 0x80: valid UTF-8, and a byte scan costs a fraction of decoding
        }
        decode(file, charset, null);
    }

    /** Whether every byte of the file is below 0x80 (stops at the first that is not). */
    private static boolean ascii(Path file) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] < 0) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Transcodes the file to a new UTF-8 spool file (the caller deletes it).
     *
     * @throws IllegalArgumentException naming the line of the first undecodable byte
     */
    static Path toUtf8(Path file, Charset charset) {
        Path spool = SpoolDir.newFile("utf8");
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(spool),
                StandardCharsets.UTF_8), BUFFER)) {
            decode(file, charset, out);
        } catch (IOException e) {
            deleteQuietly(spool);
            throw new UncheckedIOException("Cannot write the UTF-8 copy of " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(spool);
            throw e;
        }
        return spool;
    }

    private static void decode(Path file, Charset charset, Writer out) {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long line = 1;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            boolean eof = false;
            while (!eof) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                eof = n < 0;
                if (n > 0) {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                while (true) {
                    int start = bytes.position();
                    CoderResult r = decoder.decode(bytes, chars, eof);
                    line += newlines(bytes.array(), start, bytes.position());
                    offset += bytes.position() - start;
                    if (r.isError()) {
                        throw new IllegalArgumentException("Line " + line + " of " + file + " is not valid "
                                + charset.name() + " (byte " + (offset + 1) + " of the file); nothing was sent: save "
                                + "the file as " + charset.name() + ", or name its real character set (e.g. "
                                + "ISO-8859-1 or windows-1252) as the input charset");
                    }
                    write(out, chars);
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
            decoder.flush(chars);
            write(out, chars);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(Writer out, CharBuffer chars) throws IOException {
        chars.flip();
        if (out != null) {
            out.write(chars.array(), chars.position(), chars.remaining());
        }
        chars.clear();
    }

    private static long newlines(byte[] b, int from, int to) {
        long n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                n++;
            }
        }
        return n;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // spool files are deleted on exit too
        }
    }
}
