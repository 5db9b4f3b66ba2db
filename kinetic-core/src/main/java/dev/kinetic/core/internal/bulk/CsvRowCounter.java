package dev.kinetic.core.internal.bulk;

/**
 * Counts the data rows of CSV bytes as they go by, quote-aware and without parsing: the first row is the header,
 * a blank line is no row, a last row without a line break still counts. Remembers whether the bytes ended with a
 * line break, which every complete Salesforce result does. Not thread-safe.
 */
final class CsvRowCounter {
    private boolean quoted;
    private boolean inHeader = true;
    private boolean rowHasBytes;
    private long rows;
    private long bytes;
    private int last = -1;

    /**
     * Counts a buffer.
     *
     * @return the index just after the header's line break if the header ended in this buffer, else -1
     */
    int feed(byte[] buf, int off, int len) {
        int headerEnd = -1;
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (b == '"') {
                quoted = !quoted;
                rowHasBytes = true;
            } else if (b == '\n' && !quoted) {
                if (inHeader) {
                    inHeader = false;
                    headerEnd = i + 1;
                } else if (rowHasBytes) {
                    rows++;
                }
                rowHasBytes = false;
            } else if (b != '\r') {
                rowHasBytes = true;
            }
        }
        if (len > 0) {
            bytes += len;
            last = buf[off + len - 1] & 0xFF;
        }
        return headerEnd;
    }

    /** Whether the header row has not ended yet. */
    boolean inHeader() {
        return inHeader;
    }

    /** The data rows so far, a last row without a line break included. */
    long rows() {
        return rows + (rowHasBytes && !inHeader ? 1 : 0);
    }

    /** Whether nothing was fed or the bytes ended with a line break. */
    boolean endedCleanly() {
        return bytes == 0 || last == '\n';
    }
}
