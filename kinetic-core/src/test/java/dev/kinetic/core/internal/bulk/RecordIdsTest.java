package dev.kinetic.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecordIdsTest {
    @Test
    void fifteenCharacterIdsGetTheirChecksum() {
        // 0018c00002FInboAAD is an id from the successfulResults sample in Salesforce's guide.
        assertThat(RecordIds.to18("0018c00002FInbo")).isEqualTo("0018c00002FInboAAD");
        assertThat(RecordIds.to18("0018c00002FInboAAD")).isEqualTo("0018c00002FInboAAD");
        assertThat(RecordIds.to18(" 001000000000001 ")).isEqualTo("001000000000001AAA");
    }
}
