package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.soql.PreparedQuery;
import dev.kinetic.emulator.soql.SoqlException;

/**
 * What query jobs need from the SOQL engine: a checked query ready to run. In the org it is
 * {@code SoqlEngine::prepare}; tests of the job machinery may pass another.
 */
@FunctionalInterface
public interface QueryPlanner {
    /**
     * Parses and checks a query.
     *
     * @throws SoqlException for a query Bulk API 2.0 refuses, with Salesforce's error code and message
     */
    PreparedQuery prepare(String soql, boolean queryAll) throws SoqlException;
}
