package dev.kinetic.core.internal.bulk;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Supplier;

/** An iterator over a source that yields the next element, or null at the end; reads one element ahead. */
final class LookaheadIterator<T> implements Iterator<T> {
    private final Supplier<T> advance;
    private T pending;

    LookaheadIterator(Supplier<T> advance) {
        this.advance = Objects.requireNonNull(advance, "advance == null");
    }

    @Override
    public boolean hasNext() {
        if (pending == null) {
            pending = advance.get();
        }
        return pending != null;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T next = pending;
        pending = null;
        return next;
    }
}
