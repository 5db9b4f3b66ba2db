package dev.kinetic.core.internal.bulk;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;

/**
 * Releases a file mapping now rather than when the buffer is collected (Java 17 has no public way; this is
 * {@code sun.misc.Unsafe.invokeCleaner}, in {@code jdk.unsupported}, as Lucene did before Java 21). Without it a
 * closed index would keep its disk blocks until a GC that may never come in a long, flat-heap run. Where the method
 * is missing this does nothing and the mapping goes with the buffer. The caller must never touch the buffer again:
 * a read after unmapping crashes the JVM.
 */
final class Unmapper {
    private static final MethodHandle INVOKE_CLEANER = find();

    private Unmapper() {
    }

    private static MethodHandle find() {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            return MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(f.get(null));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Unmaps the buffer if the runtime allows it; otherwise leaves it to the garbage collector. */
    static void unmap(MappedByteBuffer buffer) {
        if (INVOKE_CLEANER == null) {
            return;
        }
        try {
            INVOKE_CLEANER.invokeExact((ByteBuffer) buffer);
        } catch (Throwable e) {
            // not unmapped now: the collector will
        }
    }
}
