package dev.kinetic.spark.read;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.GreaterThanOrEqual;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThan;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Writes Spark filters as SOQL conditions: {@code = < > <= >= IN}, {@code = null}, {@code != null}, {@code AND},
 * {@code OR} and starts-with ({@code LIKE 'x%'}), with literals written per the column's Salesforce type (text
 * quoted and escaped, numbers plain, dates {@code yyyy-MM-dd}, date-times in UTC with {@code Z}). A filter it cannot
 * write (another operator, a column it does not know, a value of another kind) is left out. Stateless.
 */
public final class SoqlFilters {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StructType schema;

    /** @param schema the full schema, whose metadata names each column's Salesforce type */
    public SoqlFilters(StructType schema) {
        this.schema = schema;
    }

    /**
     * @param filter a Spark filter
     * @return its SOQL condition, or empty when it cannot be written
     */
    public Optional<String> toSoql(Filter filter) {
        if (filter instanceof And a) {
            return both(a.left(), a.right(), "AND");
        }
        if (filter instanceof Or o) {
            return both(o.left(), o.right(), "OR");
        }
        if (filter instanceof EqualTo f) {
            return compare(f.attribute(), "=", f.value());
        }
        if (filter instanceof GreaterThan f) {
            return compare(f.attribute(), ">", f.value());
        }
        if (filter instanceof GreaterThanOrEqual f) {
            return compare(f.attribute(), ">=", f.value());
        }
        if (filter instanceof LessThan f) {
            return compare(f.attribute(), "<", f.value());
        }
        if (filter instanceof LessThanOrEqual f) {
            return compare(f.attribute(), "<=", f.value());
        }
        if (filter instanceof IsNull f) {
            return type(f.attribute()).filter(t -> !t.equals("boolean")).map(t -> f.attribute() + " = null");
        }
        if (filter instanceof IsNotNull f) {
            return type(f.attribute()).filter(t -> !t.equals("boolean")).map(t -> f.attribute() + " != null");
        }
        if (filter instanceof In f) {
            if (f.values().length == 0) {
                return Optional.empty();
            }
            List<String> literals = new ArrayList<>();
            for (Object v : f.values()) {
                Optional<String> l = literal(f.attribute(), v);
                if (l.isEmpty()) {
                    return Optional.empty();
                }
                literals.add(l.get());
            }
            return Optional.of(f.attribute() + " IN (" + String.join(", ", literals) + ")");
        }
        if (filter instanceof StringStartsWith f) {
            return type(f.attribute()).filter(SoqlFilters::isText)
                    .map(t -> f.attribute() + " LIKE '" + escape(f.value()).replace("%", "\\%").replace("_", "\\_")
                            + "%'");
        }
        return Optional.empty();
    }

    private Optional<String> both(Filter left, Filter right, String op) {
        Optional<String> l = toSoql(left);
        Optional<String> r = toSoql(right);
        if (l.isEmpty() || r.isEmpty()) {
            return Optional.empty(); // half an AND would still narrow correctly, but keep it simple and exact
        }
        return Optional.of("(" + l.get() + " " + op + " " + r.get() + ")");
    }

    private Optional<String> compare(String column, String op, Object value) {
        if (value == null) {
            return Optional.empty(); // Spark's "= null" matches nothing; SOQL's matches nulls
        }
        return literal(column, value).map(l -> column + " " + op + " " + l);
    }

    /** The SOQL literal of a value for a column, or empty if the value does not fit its type. */
    Optional<String> literal(String column, Object value) {
        Optional<String> type = type(column);
        if (type.isEmpty() || value == null) {
            return Optional.empty();
        }
        String t = type.get();
        if (isText(t)) {
            return value instanceof String s ? Optional.of("'" + escape(s) + "'") : Optional.empty();
        }
        switch (t) {
            case "boolean":
                return value instanceof Boolean b ? Optional.of(b.toString()) : Optional.empty();
            case "int": case "long": case "double": case "currency": case "percent":
                return number(value);
            case "date":
                if (value instanceof Date d) {
                    return Optional.of(d.toLocalDate().toString());
                }
                return value instanceof LocalDate d ? Optional.of(d.toString()) : Optional.empty();
            case "datetime":
                if (value instanceof Timestamp ts) {
                    return Optional.of(DATETIME.format(ts.toInstant()));
                }
                return value instanceof Instant i ? Optional.of(DATETIME.format(i)) : Optional.empty();
            default:
                return Optional.empty();
        }
    }

    private static Optional<String> number(Object value) {
        if (value instanceof BigDecimal d) {
            return Optional.of(d.toPlainString());
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return Optional.of(value.toString());
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? Optional.of(new BigDecimal(value.toString()).toPlainString())
                    : Optional.empty();
        }
        return Optional.empty();
    }

    private static boolean isText(String t) {
        return switch (t) {
            case "id", "string", "reference", "picklist", "textarea", "email", "phone", "url", "combobox",
                 "encryptedstring" -> true;
            default -> false;
        };
    }

    /** Escapes a SOQL string literal's backslash, quotes and control characters. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\'' -> b.append("\\'");
                case '"' -> b.append("\\\"");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private Optional<String> type(String column) {
        for (StructField f : schema.fields()) {
            if (f.name().equals(column) && f.metadata().contains(SchemaMapper.SF_TYPE)) {
                return Optional.of(f.metadata().getString(SchemaMapper.SF_TYPE).toLowerCase(Locale.ROOT));
            }
        }
        return Optional.empty();
    }
}
