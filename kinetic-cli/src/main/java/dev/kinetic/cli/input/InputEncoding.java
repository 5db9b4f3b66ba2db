package dev.kinetic.cli.input;

import dev.kinetic.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Proves an input file decodes in its character set before any job is created, so a Latin-1 file read as UTF-8 is
 * a usage error naming the line instead of rows stored with U+FFFD in the org.
 */
final class InputEncoding {
    private static final int BUFFER = 1 << 16;

    private InputEncoding() {
    }

    /** @throws CliException (usage) naming the line of the first byte that does not decode */
    static void check(Path path, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        long line = 1;
        try (InputStream in = Files.newInputStream(path)) {
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
                    for (int i = start; i < bytes.position(); i++) {
                        line += bytes.get(i) == '\n' ? 1 : 0;
                    }
                    if (r.isError()) {
                        throw CliException.usage("Line " + line + " of " + path + " is not valid " + charset.name()
                                + "; give the file's character set with --encoding (e.g. --encoding windows-1252 "
                                + "or ISO-8859-1) or save it as UTF-8. Nothing was sent");
                    }
                    chars.clear();
                    if (r.isUnderflow()) {
                        break;
                    }
                }
                bytes.compact();
            }
        }
    }
}
