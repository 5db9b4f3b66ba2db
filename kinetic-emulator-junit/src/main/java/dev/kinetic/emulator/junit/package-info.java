/**
 * JUnit 5 tests against a local Salesforce org started in-process: {@link dev.kinetic.emulator.junit.LocalOrgTest}
 * (or a {@link dev.kinetic.emulator.junit.LocalOrgExtension} registered with {@code @RegisterExtension}) starts the
 * org per class or per method and injects a signed-in {@code SalesforceClient}, the org, its credentials and a
 * {@link dev.kinetic.emulator.junit.LocalOrgControl} for seeding, faults ({@link dev.kinetic.emulator.junit.FaultSpec}),
 * job progression and token expiry.
 *
 * <pre>{@code
 * @LocalOrgTest
 * class AccountLoadTest {
 *     @Test
 *     void survivesAFailedUpload(SalesforceClient client, LocalOrgControl control) {
 *         InjectedFault fault = control.inject(FaultSpec.onUploads().respond(503).times(1));
 *         BulkResult result = client.bulk().insert("Account", List.of(Map.of("Name", "Acme")));
 *         assertEquals(1, result.successCount());
 *         assertEquals(1, fault.injections());
 *     }
 * }
 * }</pre>
 */
package dev.kinetic.emulator.junit;
