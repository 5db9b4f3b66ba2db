package dev.kinetic.core.internal.bulk;

import java.util.List;

/**
 * The input of one job: its source bytes, its header, the global index of its first data row and its row count.
 */
record Chunk(int number, ChunkSource source, List<String> header, long firstRow, long rowCount, char delimiter) {
}
