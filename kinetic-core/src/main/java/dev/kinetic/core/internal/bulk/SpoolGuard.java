package dev.kinetic.core.internal.bulk;

import java.lang.ref.Cleaner;
import java.util.List;

/**
 * Deletes the spool files of a call's chunks once nothing holds this guard any more: the job handle, every result
 * made from it and every stream reading those results hold it, so the input stays readable while any of them can
 * still map rows. Spool files left over at exit are deleted then.
 */
final class SpoolGuard {
    private static final Cleaner CLEANER = Cleaner.create();

    SpoolGuard(List<Chunk> chunks) {
        List<Chunk> toClean = List.copyOf(chunks);
        CLEANER.register(this, () -> toClean.forEach(c -> c.source().deleteSpool()));
    }
}
