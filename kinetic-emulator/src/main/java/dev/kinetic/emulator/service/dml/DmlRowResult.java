package dev.kinetic.emulator.service.dml;

import java.util.List;

/**
 * The outcome of one CSV row. Immutable.
 *
 * @param success whether the row was saved
 * @param id the record id ({@code sf__Id}): the new or matched record; empty string when a failed insert has none
 * @param created whether a record was created ({@code sf__Created}: insert and upsert-insert)
 * @param error for a failure, {@code sf__Error} exactly as Salesforce writes it: {@code CODE:message:fields --}
 *     (or {@code CODE:message:--} with no fields); null on success
 * @param echoed one value per header column, as the results echo it: the stored, normalised value for a success,
 *     the uploaded text for a failure
 */
public record DmlRowResult(boolean success, String id, boolean created, String error, List<String> echoed) {
    /** Copies the echoed values. */
    public DmlRowResult {
        echoed = List.copyOf(echoed);
    }
}
