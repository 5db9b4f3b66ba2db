package dev.kinetic.compat.camel;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.util.List;
import java.util.Map;

/** Reads the CSV bodies Camel hands back (result sets, query pages) into rows keyed by header. */
final class Csv {
    private Csv() {
    }

    /**
     * Every row of {@code csv} as header to value, in order. An empty body (which Camel hands over as {@code null})
     * has no rows: the org answers one for the results of a job that never ran.
     */
    static List<Map<String, String>> rows(String csv) {
        if (csv == null) {
            return List.of();
        }
        return CsvReader.builder().ofNamedCsvRecord(csv).stream().map(NamedCsvRecord::getFieldsAsMap).toList();
    }
}
