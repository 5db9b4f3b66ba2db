package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EchoNormalizerTest {
    @Test
    void numbersCompareByValueWhateverTheNotation() {
        assertThat(EchoNormalizer.normalize("912260031")).isEqualTo(EchoNormalizer.normalize("9.12260031E8"));
        assertThat(EchoNormalizer.normalize("5000000")).isEqualTo(EchoNormalizer.normalize("5000000.0"));
        assertThat(EchoNormalizer.normalize("1.50")).isEqualTo("1.5");
        assertThat(EchoNormalizer.normalize("12")).isNotEqualTo(EchoNormalizer.normalize("13"));
        assertThat(EchoNormalizer.normalize("007")).isEqualTo(EchoNormalizer.normalize("7.0"));
        assertThat(EchoNormalizer.normalize("-0")).isEqualTo(EchoNormalizer.normalize("0.0"));
        assertThat(EchoNormalizer.normalize("-120")).isEqualTo(EchoNormalizer.normalize("-1.2E2"));
        assertThat(EchoNormalizer.normalize("1234567890123456789")).isEqualTo(
                EchoNormalizer.normalize("1.234567890123456789E18"));
    }

    @Test
    void wholeNumbersWithAZeroFractionGiveWhatTheDoublePathGives() {
        java.util.Random random = new java.util.Random(12);
        java.util.List<String> samples = new java.util.ArrayList<>(java.util.List.of("107919.0", "-5.00", "0.0",
                "-0.0", "007.000", "999999999999999.0", "-999999999999999.0", "100000000000000.0", "10.0000000000"));
        for (int i = 0; i < 5_000; i++) {
            long whole = (long) (random.nextDouble() * Math.pow(10, 1 + random.nextInt(15)));
            samples.add((random.nextBoolean() ? "-" : "") + (random.nextInt(10) == 0 ? "0" : "") + whole + "."
                    + "0".repeat(1 + random.nextInt(3)));
        }
        for (String s : samples) {
            assertThat(EchoNormalizer.normalize(s)).as(s).isEqualTo(EchoNormalizer.viaDouble(s));
        }
        assertThat(EchoNormalizer.normalize("107919.0")).isEqualTo("107919");
        assertThat(EchoNormalizer.normalize("1234567890123456.0")).isEqualTo("1234567890123456");
        assertThat(EchoNormalizer.normalize("12.50")).isEqualTo("12.5");
    }

    @Test
    void booleansIgnoreCaseAndSpelling() {
        assertThat(EchoNormalizer.normalize("TRUE")).isEqualTo("true");
        assertThat(EchoNormalizer.normalize("yes")).isEqualTo("true");
        assertThat(EchoNormalizer.normalize("False")).isEqualTo("false");
    }

    @Test
    void dateTimesCompareAsInstantsAndDatesMatchMidnightEchoes() {
        assertThat(EchoNormalizer.normalize("2002-10-10T12:00:00+05:00"))
                .isEqualTo(EchoNormalizer.normalize("2002-10-10T07:00:00.000Z"));
        assertThat(EchoNormalizer.normalize("2022-01-02T21:33:43.000+0000"))
                .isEqualTo(EchoNormalizer.normalize("2022-01-02T21:33:43Z"));
        assertThat(EchoNormalizer.normalize("2024-01-02")).isEqualTo(EchoNormalizer.normalize("2024-01-02T00:00:00.000Z"));
        assertThat(EchoNormalizer.normalize("1940-06-07Z")).isEqualTo("1940-06-07");
    }

    @Test
    void notApplicableAndBlanksAreEmptyAndTextIsKept() {
        assertThat(EchoNormalizer.normalize("#N/A")).isEmpty();
        assertThat(EchoNormalizer.normalize("  ")).isEmpty();
        assertThat(EchoNormalizer.normalize(" Acme Corp ")).isEqualTo("Acme Corp");
        assertThat(EchoNormalizer.normalize("001-ABC")).isEqualTo("001-ABC");
    }
}
