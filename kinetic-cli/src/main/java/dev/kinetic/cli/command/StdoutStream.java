package dev.kinetic.cli.command;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Bytes to the command line's output writer, decoded as UTF-8 (a character split across two writes is kept until
 * it is whole), so {@code --out -} is captured like any other output. Not thread-safe.
 */
final class StdoutStream extends OutputStream {
    private final PrintWriter out;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final ByteBuffer pending = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);

    StdoutStream(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        int at = offset;
        int end = offset + length;
        while (at < end) {
            int n = Math.min(pending.remaining(), end - at);
            pending.put(bytes, at, n);
            at += n;
            pending.flip();
            while (true) {
                decoder.decode(pending, chars, false);
                chars.flip();
                out.append(chars);
                boolean full = chars.limit() == chars.capacity();
                chars.clear();
                if (!full) {
                    break;
                }
            }
            pending.compact();
        }
    }

    @Override
    public void flush() {
        out.flush();
    }
}
