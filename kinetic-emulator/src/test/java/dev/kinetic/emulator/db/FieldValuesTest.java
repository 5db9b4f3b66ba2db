package dev.kinetic.emulator.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.Schema;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FieldValuesTest {
    private static final FieldDef REVENUE = Schema.defaultOrg().find("Account").orElseThrow().field("AnnualRevenue")
            .orElseThrow();

    @Test
    void echoesDoublesExactlyAsDoubleToStringDoes() {
        List<Double> values = new java.util.ArrayList<>(List.of(0.0, -0.0, 1.0, -1.0, 9_999_999.0, -9_999_999.0,
                1e7, -1e7, 1e7 - 0.5, 0.001, 1e-4, 1234.5, 5_000_000.0, 1e16, Double.MIN_VALUE, Double.MAX_VALUE));
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            values.add((double) random.nextLong(-20_000_000L, 20_000_000L));
            values.add(random.nextDouble(-2e7, 2e7));
        }
        for (double v : values) {
            assertThat(FieldValues.formatEcho(REVENUE, v)).as("%s", v).isEqualTo(Double.toString(v));
        }
    }
}
