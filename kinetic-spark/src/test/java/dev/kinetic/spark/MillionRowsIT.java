package dev.kinetic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.nio.file.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * 1,000,000 rows loaded by 4 partitions and read back by result page in local[2]: every row once. About 46 s on a
 * quiet 2-core machine; {@code -Dkinetic.spark.millionRows=false} skips it. {@code bench.sh} measures the same path.
 */
@DisabledIfSystemProperty(named = "kinetic.spark.millionRows", matches = "false")
class MillionRowsIT {
    private static final long ROWS = 1_000_000;

    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();

    @TempDir
    Path tmp;

    @Test
    void aMillionRowsLoadOnceAndReadBackWhole(SalesforceClient client) {
        SparkSession spark = SparkOrg.spark();
        try {
            spark.range(ROWS).select(functions.concat(functions.lit("M"), functions.col("id")).as("Name")).repartition(4).write().format("salesforce")
                    .options(SparkOrg.options(ORG.credentials())).option("object", "Account")
                    .option("checkpointLocation", tmp.resolve("cp").toString()).mode("append").save();
            Row r = spark.read().format("salesforce").options(SparkOrg.options(ORG.credentials()))
                    .option("object", "Account").option("columns", "Name").option("maxRecordsPerPage", "250000")
                    .load().agg(functions.count(functions.lit(1)), functions.countDistinct(functions.col("Name"))).first();
            assertThat(r.getLong(0)).isEqualTo(ROWS);
            assertThat(r.getLong(1)).isEqualTo(ROWS);
        } finally {
            spark.stop();
        }
    }
}
