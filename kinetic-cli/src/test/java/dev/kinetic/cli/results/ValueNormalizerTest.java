package dev.kinetic.cli.results;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueNormalizerTest {
    @Test
    void numbersCompareByValue() {
        assertThat(ValueNormalizer.normalize("912260031", false))
                .isEqualTo(ValueNormalizer.normalize("9.12260031E8", false));
        assertThat(ValueNormalizer.normalize("250.00", false)).isEqualTo("250");
        assertThat(ValueNormalizer.normalize("0.0", false)).isEqualTo("0");
    }

    @Test
    void booleansIgnoreCaseAndNullMarkersAreEmpty() {
        assertThat(ValueNormalizer.normalize("TRUE", false)).isEqualTo("true");
        assertThat(ValueNormalizer.normalize("#N/A", false)).isEmpty();
    }

    @Test
    void dateTimesCompareAsInstants() {
        assertThat(ValueNormalizer.normalize("2002-10-10T12:00:00+05:00", false))
                .isEqualTo(ValueNormalizer.normalize("2002-10-10T07:00:00.000Z", false));
        assertThat(ValueNormalizer.normalize("2022-01-02T21:33:43.000+0000", false))
                .isEqualTo("2022-01-02T21:33:43Z");
    }

    @Test
    void idsCompareByTheirFirstFifteenCharacters() {
        assertThat(ValueNormalizer.normalize("001000000000001AAA", true)).isEqualTo("001000000000001");
    }

    @Test
    void otherTextIsKeptAsIs() {
        assertThat(ValueNormalizer.normalize(" Acme, Inc. ", false)).isEqualTo(" Acme, Inc. ");
    }
}
