package dev.kinetic.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.sources.And;
import org.apache.spark.sql.sources.EqualTo;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.sources.GreaterThan;
import org.apache.spark.sql.sources.In;
import org.apache.spark.sql.sources.IsNotNull;
import org.apache.spark.sql.sources.IsNull;
import org.apache.spark.sql.sources.LessThanOrEqual;
import org.apache.spark.sql.sources.Not;
import org.apache.spark.sql.sources.Or;
import org.apache.spark.sql.sources.StringStartsWith;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SoqlFiltersTest {
    private static StructType schema() {
        StructType s = new StructType();
        String[][] cols = {{"Name", "string"}, {"Id", "id"}, {"NumberOfEmployees", "int"},
            {"AnnualRevenue", "currency"}, {"IsDeleted", "boolean"}, {"CloseDate", "date"},
            {"CreatedDate", "datetime"}};
        for (String[] c : cols) {
            s = s.add(c[0], DataTypes.StringType, true,
                    new MetadataBuilder().putString(SchemaMapper.SF_TYPE, c[1]).build());
        }
        return s;
    }

    private static String soql(Filter f) {
        return new SoqlFilters(schema()).toSoql(f).orElse("<not pushed>");
    }

    @Test
    void textIsQuotedWithItsQuotesBackslashesAndControlCharactersEscaped() {
        assertThat(soql(new EqualTo("Name", "O'Brien \\ \"Co\"\n\t")))
                .isEqualTo("Name = 'O\\'Brien \\\\ \\\"Co\\\"\\n\\t'");
    }

    @Test
    void numbersDatesAndDateTimesAreWrittenPerTheFieldsType() {
        assertThat(soql(new GreaterThan("NumberOfEmployees", 10))).isEqualTo("NumberOfEmployees > 10");
        assertThat(soql(new LessThanOrEqual("AnnualRevenue", new BigDecimal("1E+3"))))
                .isEqualTo("AnnualRevenue <= 1000");
        assertThat(soql(new EqualTo("AnnualRevenue", 2.5d))).isEqualTo("AnnualRevenue = 2.5");
        assertThat(soql(new EqualTo("CloseDate", Date.valueOf(LocalDate.of(2024, 2, 29)))))
                .isEqualTo("CloseDate = 2024-02-29");
        assertThat(soql(new GreaterThan("CreatedDate", Timestamp.from(Instant.parse("2024-01-02T03:04:05.678Z")))))
                .isEqualTo("CreatedDate > 2024-01-02T03:04:05.678Z");
        assertThat(soql(new EqualTo("IsDeleted", true))).isEqualTo("IsDeleted = true");
    }

    @Test
    void inNullsAndOrAndStartsWithArePushed() {
        assertThat(soql(new In("Id", new Object[] {"001A", "001B"}))).isEqualTo("Id IN ('001A', '001B')");
        assertThat(soql(new IsNull("Name"))).isEqualTo("Name = null");
        assertThat(soql(new IsNotNull("CloseDate"))).isEqualTo("CloseDate != null");
        assertThat(soql(new Or(new EqualTo("Name", "a"), new And(new GreaterThan("NumberOfEmployees", 1),
                new IsNull("CloseDate"))))).isEqualTo("(Name = 'a' OR (NumberOfEmployees > 1 AND CloseDate = null))");
        assertThat(soql(new StringStartsWith("Name", "50%_off"))).isEqualTo("Name LIKE '50\\%\\_off%'");
    }

    @Test
    void whatSoqlCannotSayExactlyIsLeftToSpark() {
        assertThat(soql(new Not(new EqualTo("Name", "a")))).isEqualTo("<not pushed>"); // != also matches null
        assertThat(soql(new EqualTo("Unknown__c", "a"))).isEqualTo("<not pushed>");
        assertThat(soql(new EqualTo("NumberOfEmployees", "ten"))).isEqualTo("<not pushed>");
        assertThat(soql(new IsNull("IsDeleted"))).isEqualTo("<not pushed>"); // a checkbox is never null in SOQL
        assertThat(soql(new Or(new EqualTo("Name", "a"), new Not(new IsNull("Name"))))).isEqualTo("<not pushed>");
        assertThat(soql(new EqualTo("Name", null))).isEqualTo("<not pushed>");
    }
}
