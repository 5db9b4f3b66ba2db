package dev.kinetic.emulator.soql;

import dev.kinetic.emulator.schema.FieldDef;
import java.util.List;

/**
 * A SOQL query translated to SQL over the org's tables. Immutable.
 *
 * @param objectName the FROM object as the schema spells it
 * @param columns the result header, one name per selected field as written in the query
 * @param fields the field behind each column, for output formatting
 * @param sql the SQL text, with {@code ?} for every literal value
 * @param params the parameter values in order
 * @param table the FROM object's table
 * @param rangeSql the same query restricted to a range of the table's row keys, with two more parameters (first and
 *     last key) after {@code params}; null when the query cannot be read in parts (it sorts or has a LIMIT)
 * @param layout how the columns nest into REST records (with the Id columns after the selected ones), or null for
 *     a Bulk query
 */
record TranslatedQuery(String objectName, List<String> columns, List<FieldDef> fields, String sql,
        List<Object> params, String table, String rangeSql, RecordLayout layout) {
    TranslatedQuery {
        columns = List.copyOf(columns);
        fields = List.copyOf(fields);
        params = List.copyOf(params);
    }
}
