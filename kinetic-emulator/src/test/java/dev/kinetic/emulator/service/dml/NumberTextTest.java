package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NumberTextTest {
    // The grammars WriteValues used to match with regular expressions; the hand-written checks must accept the same.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    // Every string of up to four characters over the alphabet that matters, plus longer and odd cases.
    private static List<String> corpus() {
        String alphabet = "0917+-.eEx ";
        List<String> out = new ArrayList<>(List.of("", "1,000", "١٢", "1e", "1e+", "+.", ".e1", "0005.50",
                "-0.000", "12345678901234567890.5", "1.5E-3", "INF", "NaN", "1d", "0x10"));
        List<String> level = List.of("");
        for (int len = 1; len <= 4; len++) {
            List<String> next = new ArrayList<>();
            for (String s : level) {
                for (char c : alphabet.toCharArray()) {
                    next.add(s + c);
                }
            }
            out.addAll(next);
            level = next;
        }
        return out;
    }

    @Test
    void acceptsExactlyTheDecimalsAndIntegersOfTheFormerPatterns() {
        for (String s : corpus()) {
            assertThat(NumberText.isDecimal(s)).as("decimal %s", s).isEqualTo(DECIMAL.matcher(s).matches());
            assertThat(NumberText.isInteger(s)).as("integer %s", s).isEqualTo(INTEGER.matcher(s).matches());
        }
    }

    @Test
    void countsTheWholeDigitsOfADecimalAsItsMagnitudeNeeds() {
        for (String s : corpus()) {
            if (!NumberText.isDecimal(s)) {
                continue;
            }
            int digits = NumberText.integerDigits(s);
            if (s.contains("e") || s.contains("E")) {
                assertThat(digits).as(s).isEqualTo(-1);
                continue;
            }
            BigDecimal abs = new BigDecimal(s).abs();
            for (int k = 0; k < 6; k++) {
                assertThat(digits > k).as("%s against 10^%d", s, k)
                        .isEqualTo(abs.compareTo(BigDecimal.TEN.pow(k)) >= 0);
            }
        }
    }

    @Test
    void rangeCheckRefusesTheSameValuesWithAndWithoutExponent() throws Exception {
        FieldDef amount = Schema.defaultOrg().find("Opportunity").orElseThrow().field("Amount").orElseThrow();
        assertThat(WriteValues.convert(amount, "0009999999999999999.99", 0)).isEqualTo(9999999999999999.99);
        assertThat(WriteValues.convert(amount, "9.99e15", 0)).isEqualTo(9.99e15);
        for (String outside : List.of("10000000000000000", "-10000000000000000.0", "1e16", "1.0E+16")) {
            try {
                WriteValues.convert(amount, outside, 0);
                throw new AssertionError(outside + " was accepted");
            } catch (RowFailure f) {
                assertThat(f.sfError()).as(outside).startsWith("NUMBER_OUTSIDE_VALID_RANGE:");
            }
        }
    }
}
