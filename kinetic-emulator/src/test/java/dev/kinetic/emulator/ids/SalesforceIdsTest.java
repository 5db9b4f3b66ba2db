package dev.kinetic.emulator.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SalesforceIdsTest {

    @ParameterizedTest
    @CsvSource({
        "a01M00000062mPg, a01M00000062mPgIAI",
        "001M000000qfPyS, 001M000000qfPySIAU",
        "a0FE000000D6r3F, a0FE000000D6r3FMAR",
        "0F9E000000092w2, 0F9E000000092w2KAA",
        "aaaaaaaaaaaaaaa, aaaaaaaaaaaaaaaAAA",
        "AbCdEfGhIjKlMnO, AbCdEfGhIjKlMnOVKV",
        "aBcDEfgHIJKLMNO, aBcDEfgHIJKLMNO025",
        "a0RE000000IJmcN, a0RE000000IJmcNMAT",
        "a0D30000001n7Pi, a0D30000001n7PiEAI"
    })
    void computesPublishedChecksums(String id15, String id18) {
        assertThat(SalesforceIds.to18(id15)).isEqualTo(id18);
        assertThat(SalesforceIds.normalize(id15)).isEqualTo(id18);
        assertThat(SalesforceIds.normalize(id18.substring(0, 15) + id18.substring(15).toLowerCase())).isEqualTo(id18);
    }

    @Test
    void rejectsMalformedIds() {
        assertThat(SalesforceIds.normalize("001M000000qfPyS-AU")).isNull();
        assertThat(SalesforceIds.normalize("001M000000qfPySAAA")).isNull();
        assertThat(SalesforceIds.normalize("12345")).isNull();
        assertThat(SalesforceIds.normalize(null)).isNull();
    }

    @Test
    void generatesUniqueValidIdsWithThePrefix() {
        AtomicLong counter = new AtomicLong(1);
        IdGenerator ids = new IdGenerator(n -> counter.getAndAdd(n));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 25_000; i++) {
            String id = ids.next("001");
            assertThat(id).hasSize(18).startsWith("001");
            assertThat(SalesforceIds.normalize(id)).isEqualTo(id);
            assertThat(seen.add(id)).isTrue();
        }
        assertThat(counter.get()).isEqualTo(30_001);
    }
}
