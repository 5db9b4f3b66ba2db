/**
 * Typed records: binding Java records and beans to Salesforce rows (reflection done once per class), parsing CSV
 * values into Java types and formatting objects as ingest rows. Not API.
 */
package dev.kinetic.core.internal.bind;
