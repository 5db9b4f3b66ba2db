/**
 * Object describes: {@link dev.kinetic.core.schema.SObjectDescribe} and its
 * {@link dev.kinetic.core.schema.SObjectField}s, read with {@link dev.kinetic.core.SalesforceClient#describe(String)}.
 */
package dev.kinetic.core.schema;
