package dev.kinetic.emulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RoutesTest {
    private static final ApiHandler DESCRIBE = ex -> { };
    private static final ApiHandler RECORD = ex -> { };

    @Test
    void aLiteralSegmentWinsOverAParameterWhateverTheOrder() {
        Routes routes = new Routes()
                .add("GET", "/services/data/{version}/sobjects/{object}/{id}", RECORD)
                .add("GET", "/services/data/{version}/sobjects/{object}/describe", DESCRIBE);
        Routes.Match describe = routes.match("GET", "/services/data/v62.0/sobjects/Account/describe");
        assertThat(describe).isInstanceOfSatisfying(Routes.Found.class, f -> assertThat(f.handler()).isSameAs(DESCRIBE));
        Routes.Match record = routes.match("GET", "/services/data/v62.0/sobjects/Account/001000000000001AAA");
        assertThat(record).isInstanceOfSatisfying(Routes.Found.class, f -> {
            assertThat(f.handler()).isSameAs(RECORD);
            assertThat(f.params()).containsEntry("id", "001000000000001AAA");
        });
        assertThat(routes.match("DELETE", "/services/data/v62.0/sobjects/Account/describe"))
                .isInstanceOfSatisfying(Routes.WrongMethod.class, w -> assertThat(w.allowed()).containsExactly("GET"));
    }
}
