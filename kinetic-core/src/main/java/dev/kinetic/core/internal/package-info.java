/**
 * Internals of kinetic-core: HTTP transport, CSV, splitting, job running and result mapping. Not API: anything here
 * may change without notice. Use {@link dev.kinetic.core.SalesforceClient} and {@code dev.kinetic.core.bulk}.
 */
package dev.kinetic.core.internal;
