package dev.kinetic.core.internal.bind;

import dev.kinetic.core.bulk.BulkOperation;
import dev.kinetic.core.bulk.RecordType;
import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * Typed objects seen as ingest rows, converted one at a time as they are read: a collection stays a collection (so
 * the rows can be read twice, to check keys first), any other iterable is read once.
 */
public final class TypedRows {
    private TypedRows() {
    }

    /**
     * The rows of the objects for an operation.
     *
     * @throws IllegalArgumentException if the type cannot be written for the operation
     */
    public static <T> Iterable<Map<String, ?>> of(Iterable<? extends T> objects, RecordType<T> type,
                                                 BulkOperation op) {
        RecordWriter<T> writer = new RecordWriter<>(type, op);
        if (objects instanceof Collection<? extends T> c) {
            return new AbstractCollection<>() {
                @Override
                public Iterator<Map<String, ?>> iterator() {
                    return rows(c.iterator(), writer);
                }

                @Override
                public int size() {
                    return c.size();
                }
            };
        }
        return () -> rows(objects.iterator(), writer);
    }

    private static Iterator<Map<String, ?>> rows(Iterator<?> objects, RecordWriter<?> writer) {
        return new Iterator<>() {
            private long index;

            @Override
            public boolean hasNext() {
                return objects.hasNext();
            }

            @Override
            public Map<String, ?> next() {
                return writer.toRow(objects.next(), index++);
            }
        };
    }
}
