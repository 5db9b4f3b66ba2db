package dev.kinetic.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearestNamesTest {
    private static final List<String> OPTIONS = List.of("--format", "--file", "--output-file", "-f", "--timeout");

    @Test
    void aSwapOfTwoLettersIsOneEdit() {
        assertThat(NearestNames.distance("--fromat", "--format")).isEqualTo(1);
        assertThat(NearestNames.distance("insrt", "insert")).isEqualTo(1);
        assertThat(NearestNames.distance("abc", "abc")).isZero();
        assertThat(NearestNames.distance("", "abc")).isEqualTo(3);
    }

    @Test
    void namesWithinTwoEditsAreSuggestedNearestFirst() {
        assertThat(NearestNames.of("--fromat", OPTIONS)).containsExactly("--format");
        assertThat(NearestNames.of("--fil", OPTIONS)).containsExactly("--file");
        assertThat(NearestNames.of("--timeuot", OPTIONS)).containsExactly("--timeout");
    }

    @Test
    void shortOrFarNamesAreNotSuggested() {
        assertThat(NearestNames.of("-x", OPTIONS)).as("a short option is not within a third of its length")
                .isEmpty();
        assertThat(NearestNames.of("--verbose", OPTIONS)).isEmpty();
    }
}
