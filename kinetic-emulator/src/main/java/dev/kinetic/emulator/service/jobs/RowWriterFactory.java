package dev.kinetic.emulator.service.jobs;

import dev.kinetic.emulator.service.dml.DmlBatchWriter;
import dev.kinetic.emulator.service.dml.DmlJobFailure;
import dev.kinetic.emulator.service.dml.DmlRequest;

/**
 * What ingest processing needs from the DML engine: a writer for a job's rows once its header is checked. In the org
 * it is {@code DmlEngine::prepare}; tests of the job machinery may pass another.
 */
@FunctionalInterface
public interface RowWriterFactory {
    /**
     * Checks the job's header and returns the writer for its rows.
     *
     * @throws DmlJobFailure when the whole job must fail, with Salesforce's errorMessage
     */
    DmlBatchWriter prepare(DmlRequest request) throws DmlJobFailure;
}
