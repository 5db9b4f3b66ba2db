package dev.kinetic.spark.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CellParserTest {
    @Test
    void cellsBecomeSparksInternalValues() {
        assertThat(CellParser.parse("", DataTypes.StringType, "c")).isNull();
        assertThat(CellParser.parse("héllo", DataTypes.StringType, "c")).isEqualTo(UTF8String.fromString("héllo"));
        assertThat(CellParser.parse("true", DataTypes.BooleanType, "c")).isEqualTo(true);
        assertThat(CellParser.parse("42", DataTypes.IntegerType, "c")).isEqualTo(42);
        assertThat(CellParser.parse("1.5", DataTypes.DoubleType, "c")).isEqualTo(1.5);
        assertThat(((Decimal) CellParser.parse("12.345", DataTypes.createDecimalType(18, 2), "c"))
                .toJavaBigDecimal()).isEqualByComparingTo(new BigDecimal("12.35"));
        assertThat(CellParser.parse("2024-02-29", DataTypes.DateType, "c"))
                .isEqualTo((int) LocalDate.of(2024, 2, 29).toEpochDay());
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(CellParser.parse("2024-01-02T03:04:05.678Z", DataTypes.TimestampType, "c")).isEqualTo(micros);
        assertThat(CellParser.parse("2024-01-02T03:04:05.678+0000", DataTypes.TimestampType, "c")).isEqualTo(micros);
    }

    @Test
    void aCellThatDoesNotFitItsTypeNamesTheColumnAndTheValue() {
        assertThatThrownBy(() -> CellParser.parse("12.5", DataTypes.IntegerType, "NumberOfEmployees"))
                .hasMessageContaining("NumberOfEmployees").hasMessageContaining("'12.5'");
        assertThatThrownBy(() -> CellParser.parse("123456", DataTypes.createDecimalType(4, 2), "Amount"))
                .hasMessageContaining("Amount").hasMessageContaining("123456");
    }
}
