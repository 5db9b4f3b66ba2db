package dev.kinetic.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.emulator.junit.FaultProxy;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A read whose result page arrives cut short (the local org's {@link FaultProxy} closes the connection part-way
 * through a page, so the body looks complete): the page is read again and the read is whole, or, if it stays short,
 * the read fails; it never returns fewer rows. The scan's SQL metrics hold the rows read from all pages beside the
 * query job's {@code numberRecordsProcessed}.
 */
class ReadIntegrityIT {
    private static final int ROWS = 3_000;
    private static final String PAGE = "/jobs/query/[^/]+/results";

    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();
    private static SparkSession spark;

    @BeforeAll
    static void start() {
        spark = SparkOrg.spark();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    @BeforeEach
    void seed(LocalOrgControl control) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(Map.of("Name", "P" + i));
        }
        control.seed("Account", rows);
    }

    /** Reads through the proxy in pages of 1,000 rows: three partitions. */
    private static Dataset<Row> throughProxy(FaultProxy proxy) {
        Map<String, String> options = new HashMap<>(SparkOrg.options(ORG.credentials()));
        options.put("loginUrl", proxy.uri().toString());
        return spark.read().format("salesforce").options(options).option("object", "Account")
                .option("columns", "Name").option("maxRecordsPerPage", "1000").load();
    }

    @Test
    void aPageCutShortIsReadAgainAndEveryRowArrivesOnce(LocalOrgControl control) {
        FaultProxy proxy = control.faultProxy();
        FaultProxy.Rule cut = proxy.on("GET", PAGE).occurrence(2).cutClose(4_000);
        Dataset<Row> df = throughProxy(proxy);

        List<String> names = df.collectAsList().stream().map(r -> r.getString(0)).toList();

        assertThat(names).hasSize(ROWS).doesNotHaveDuplicates();
        assertThat(df.rdd().getNumPartitions()).isEqualTo(3);
        assertThat(cut.applied()).isEqualTo(1);
        assertThat(proxy.count("GET", PAGE)).as("three pages, one of them read twice").isEqualTo(4);
        Map<String, Long> metrics = PlanMetrics.of(df.queryExecution().executedPlan());
        assertThat(metrics).containsEntry("salesforceRowsRead", (long) ROWS)
                .containsEntry("salesforceRowsInJob", (long) ROWS);
    }

    @Test
    void aPageThatStaysShortFailsTheReadInsteadOfReturningFewerRows(LocalOrgControl control) {
        FaultProxy proxy = control.faultProxy();
        proxy.on("GET", PAGE + "\\?locator=").times(Integer.MAX_VALUE).cutClose(4_000); // every page but the first

        assertThatThrownBy(() -> throughProxy(proxy).collectAsList())
                .hasStackTraceContaining("the result is incomplete, not a success");
    }
}
