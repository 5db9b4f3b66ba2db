package dev.kinetic.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.InjectedFault;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write with {@code spark.speculation=true} and the most eager settings, one partition made slow by a delay the
 * org injects: every row once. Spark does not launch speculative copies in {@code local} mode (its speculation thread
 * starts only outside local mode, and a copy never goes to the host of a running attempt), and this test asserts
 * that too, so it shows that the setting breaks nothing; copies running at once are proven by
 * {@code ConcurrentAttemptsIT}.
 */
class SpeculationIT {
    private static final int ROWS = 2_000;

    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();

    @TempDir
    Path tmp;

    @Test
    void aWriteWithEagerSpeculationLoadsEachRowOnce(SalesforceClient client, LocalOrgControl control)
            throws Exception {
        InjectedFault slow = control.inject(FaultSpec.onUploads().delay(Duration.ofSeconds(3)).times(1));
        SparkSession spark = SparkOrg.builder().config("spark.speculation", "true")
                .config("spark.speculation.interval", "10ms").config("spark.speculation.quantile", "0.1")
                .config("spark.speculation.multiplier", "1.0").config("spark.speculation.minTaskRuntime", "10ms")
                .getOrCreate();
        AtomicInteger tasks = new AtomicInteger();
        AtomicInteger speculative = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                tasks.incrementAndGet();
                if (start.taskInfo().speculative()) {
                    speculative.incrementAndGet();
                }
            }
        });
        try {
            assertThat(spark.sparkContext().conf().getBoolean("spark.speculation", false)).isTrue();
            spark.range(ROWS).select(functions.concat(functions.lit("P"), functions.col("id")).as("Name"))
                    .repartition(4).write().format("salesforce").options(SparkOrg.options(ORG.credentials()))
                    .option("object", "Account").option("checkpointLocation", tmp.resolve("cp").toString())
                    .mode("append").save();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.stop();
        }
        List<String> names = client.bulk().query("SELECT Name FROM Account").records().stream()
                .map(r -> r.get("Name")).toList();
        assertThat(names).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(client.bulk().listJobs(JobKind.INGEST).jobs()).hasSize(4);
        assertThat(slow.injections()).isEqualTo(1);
        assertThat(tasks.get()).isGreaterThanOrEqualTo(4);
        assertThat(speculative.get()).as("speculative copies Spark launched in local mode").isZero();
    }
}
