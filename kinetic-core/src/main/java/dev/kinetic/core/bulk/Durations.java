package dev.kinetic.core.bulk;

import java.time.Duration;
import java.util.Objects;

/** The one check the option builders share: a duration must be given and positive. */
final class Durations {
    private Durations() {
    }

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name + " == null");
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive; got " + d);
        }
        return d;
    }
}
