package dev.kinetic.emulator.service.dml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.schema.FieldDef;
import dev.kinetic.emulator.schema.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WriteValuesTest {
    private static final Schema SCHEMA = Schema.defaultOrg();

    private static FieldDef field(String object, String name) {
        return SCHEMA.find(object).orElseThrow().field(name).orElseThrow();
    }

    private static void failsWith(String error, FieldDef f, String cell, int column) {
        assertThatThrownBy(() -> WriteValues.convert(f, cell, column)).isInstanceOf(RowFailure.class)
                .extracting(e -> ((RowFailure) e).sfError()).isEqualTo(error);
    }

    @Test
    void readsDocumentedDateAndDateTimeForms() throws Exception {
        FieldDef birthdate = field("Contact", "Birthdate");
        FieldDef bounced = field("Contact", "EmailBouncedDate");
        assertThat(WriteValues.convert(birthdate, " 2024-02-29 ", 1)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(WriteValues.convert(bounced, "2002-10-10T12:00:00+05:00", 2))
                .isEqualTo(LocalDateTime.of(2002, 10, 10, 7, 0));
        failsWith("INVALID_FIELD:Failed to deserialize field at col 3. Due to, '2023-02-29' is not a valid value for"
                + " the type xsd:date:Birthdate --", birthdate, "2023-02-29", 3);
        failsWith("INVALID_FIELD:Failed to deserialize field at col 0. Due to, '2024-01-02' is not a valid value for"
                + " the type xsd:dateTime:EmailBouncedDate --", bounced, "2024-01-02", 0);
    }

    @Test
    void checksNumberFormsAndTheRangePrecisionAndScaleAllow() throws Exception {
        FieldDef amount = field("Opportunity", "Amount");
        assertThat(WriteValues.convert(amount, "9999999999999999.99", 0)).isEqualTo(9999999999999999.99);
        assertThat(WriteValues.convert(amount, "-1.5E3", 0)).isEqualTo(-1500.0);
        failsWith("NUMBER_OUTSIDE_VALID_RANGE:Amount: value outside of valid range on numeric field: 1.0E16:Amount --",
                amount, "10000000000000000", 0);
        failsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:Amount: value not of required type: Infinity:Amount --", amount,
                "Infinity", 0);
        FieldDef employees = field("Account", "NumberOfEmployees");
        assertThat(WriteValues.convert(employees, "-7", 0)).isEqualTo(-7);
        failsWith("INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: 7.0:NumberOfEmployees --",
                employees, "7.0", 0);
    }
}
