package dev.kinetic.emulator.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class against a local org started in-process on a free port of {@code 127.0.0.1}: one org
 * for the class, reset before each test (the default), or one per test method. Test and lifecycle methods take the
 * org's parts as parameters: {@link dev.kinetic.emulator.LocalOrg}, a signed-in
 * {@link dev.kinetic.core.SalesforceClient}, {@link dev.kinetic.emulator.LocalOrgCredentials} and
 * {@link LocalOrgControl} (seeding, faults, job progression, token expiry).
 *
 * <pre>{@code
 * @LocalOrgTest
 * class AccountSyncTest {
 *     @Test
 *     void insertsAndQueries(SalesforceClient client) {
 *         BulkResult inserted = client.bulk().insert("Account", List.of(Map.of("Name", "Acme")));
 *         assertEquals(1, inserted.successCount());
 *         assertEquals(1, client.bulk().query("SELECT Id FROM Account").recordCount());
 *     }
 * }
 * }</pre>
 *
 * For settings an annotation cannot carry (the org's clock, schema files, client retries), register a
 * {@link LocalOrgExtension} built with {@link LocalOrgExtension#builder()} instead.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(LocalOrgExtension.class)
public @interface LocalOrgTest {
    /** {@return whether one org serves the class or each test method gets its own} */
    OrgLifecycle lifecycle() default OrgLifecycle.PER_CLASS;

    /**
     * {@return whether a per-class org is reset before each test} A reset deletes every record and job, removes the
     * fault rules and restores the configured job progression; credentials and issued tokens stay. Data seeded in
     * {@code @BeforeAll} is therefore gone when a test starts: seed in {@code @BeforeEach}, or turn this off.
     */
    boolean resetBeforeEachTest() default true;
}
