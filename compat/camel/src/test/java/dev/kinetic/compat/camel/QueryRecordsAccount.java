package dev.kinetic.compat.camel;

import org.apache.camel.component.salesforce.api.dto.AbstractQueryRecordsBase;

/** A page of Account query results, as Camel's maven plugin generates for {@code sObjectClass}. */
public class QueryRecordsAccount extends AbstractQueryRecordsBase<Account> {
}
