package dev.kinetic.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.core.bulk.BulkJob;
import dev.kinetic.core.bulk.JobKind;
import dev.kinetic.core.bulk.QueryOptions;
import dev.kinetic.emulator.junit.FaultSpec;
import dev.kinetic.emulator.junit.InjectedFault;
import dev.kinetic.emulator.junit.LocalOrgControl;
import dev.kinetic.emulator.junit.LocalOrgExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The data source in local[2] against a local org: read with pruning and pushed filters, write exactly once. */
class SalesforceDataSourceIT {
    @RegisterExtension
    static final LocalOrgExtension ORG = LocalOrgExtension.builder().build();
    private static SparkSession spark;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        spark = SparkOrg.spark();
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static Map<String, String> options() {
        return SparkOrg.options(ORG.credentials());
    }

    private static List<Map<String, Object>> accounts(int n) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(Map.of("Name", "R" + i, "NumberOfEmployees", i));
        }
        return rows;
    }

    @Test
    void readsPagesInParallelSelectingOnlyTheNeededColumnsAndFilteringInTheOrg(SalesforceClient client,
                                                                               LocalOrgControl control) {
        control.seed("Account", accounts(30));
        Dataset<Row> df = spark.read().format("salesforce").options(options()).option("object", "Account")
                .option("columns", "Id, Name, NumberOfEmployees, Industry, CreatedDate")
                .option("maxRecordsPerPage", "7").load();
        assertThat(df.schema().apply("NumberOfEmployees").dataType()).isEqualTo(DataTypes.IntegerType);
        assertThat(df.schema().apply("CreatedDate").dataType()).isEqualTo(DataTypes.TimestampType);

        Dataset<Row> picked = df.filter(functions.col("NumberOfEmployees").geq(10)
                .and(functions.col("Name").startsWith("R"))).select("Name");
        List<String> names = picked.collectAsList().stream().map(r -> r.getString(0)).sorted().toList();
        assertThat(names).hasSize(20).doesNotHaveDuplicates().allMatch(n -> n.startsWith("R"));
        assertThat(picked.rdd().getNumPartitions()).isEqualTo(3); // 20 rows in pages of 7

        // What the org received: the last query job selected only the needed columns and filtered in WHERE.
        List<BulkJob> queries = client.bulk().listJobs(JobKind.QUERY).jobs();
        BulkJob last = client.bulk().getJob(queries.get(queries.size() - 1).id());
        assertThat(last.numberRecordsProcessed()).hasValue(20);
        try (InputStream in = client.bulk().queryResults(last.id(), QueryOptions.defaults())) {
            String header = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
            assertThat(header).isEqualTo("\"Name\",\"NumberOfEmployees\"");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Each sign-in flow the options can name, as the README's table lists them (JWT is every other test's). */
    private static Stream<Map<String, String>> signIns() {
        var c = ORG.credentials();
        String login = c.loginUrl().toString();
        return Stream.of(
                Map.of("instanceUrl", ORG.org().baseUri().toString(), "accessToken", ORG.org().accessToken()),
                Map.of("clientId", c.clientId(), "clientSecret", c.clientSecret(), "username", c.username(),
                        "password", c.password(), "securityToken", c.securityToken(), "loginUrl", login),
                Map.of("clientId", c.clientId(), "clientSecret", c.clientSecret(), "loginUrl", login));
    }

    @Test
    void valuesWithABareCarriageReturnAreReadIntact(LocalOrgControl control) {
        // FastCSV 4.0.0-4.2.0, which read the result pages before, merged a row holding one with the next row.
        control.seed("Account", List.of(Map.of("Name", "CR a", "Description", "x\ry"),
                Map.of("Name", "CR b", "Description", "\r"), Map.of("Name", "CR c", "Description", "z")));
        List<Row> rows = spark.read().format("salesforce").options(options()).option("object", "Account")
                .option("columns", "Name, Description").option("where", "Name LIKE 'CR %'").load().orderBy("Name")
                .collectAsList();
        assertThat(rows).extracting(r -> r.getString(1)).containsExactly("x\ry", "\r", "z");
    }

    @Test
    void readsWithAnAccessTokenAPasswordAndClientCredentialsGivenAsOptions(LocalOrgControl control) {
        control.seed("Account", List.of(Map.of("Name", "SignIn 1"), Map.of("Name", "SignIn 2")));
        List<Long> counts = signIns().map(signIn -> spark.read().format("salesforce").options(signIn)
                .option("pollIntervalMillis", "20").option("object", "Account").option("columns", "Id, Name")
                .option("where", "Name LIKE 'SignIn %'").load().count()).toList();
        assertThat(counts).containsExactly(2L, 2L, 2L);
        if (System.getenv().keySet().stream().anyMatch(k -> k.startsWith("SF_"))) {
            return; // this JVM's SF_* variables would sign in: the refusal below is for an empty environment
        }
        assertThatThrownBy(() -> spark.read().format("salesforce").option("loginUrl", ORG.credentials().loginUrl()
                .toString()).option("object", "Account").load().count())
                .hasStackTraceContaining("No way to sign in to Salesforce");
    }

    @Test
    void rowsTheOrgRefusesGoToTheFailedRowsFileWithTheirError(SalesforceClient client) throws Exception {
        StructType schema = new StructType().add("Name", DataTypes.StringType).add("NumberOfEmployees",
                DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            rows.add(RowFactory.create(i % 4 == 0 ? null : "W" + i, i)); // no Name: REQUIRED_FIELD_MISSING
        }
        Path failed = tmp.resolve("failed");
        WriteOutcome outcome = WriteOutcome.watch(spark, () -> spark.createDataFrame(rows, schema).repartition(2)
                .write().format("salesforce").options(options()).option("object", "Account")
                .option("checkpointLocation", tmp.resolve("cp").toString())
                .option("failedRecordsPath", failed.toString()).mode("append").save());

        assertThat(client.bulk().query("SELECT Name FROM Account").recordCount()).isEqualTo(7);
        // the outcome: Spark SQL metrics summed over the partitions, one driver log line per partition and a total
        assertThat(outcome.metrics()).containsEntry("salesforceRowsLoaded", 7L)
                .containsEntry("salesforceRowsFailed", 3L);
        assertThat(outcome.log()).filteredOn(l -> l.matches("Partition [01]: \\d+ loaded, \\d+ failed, jobs \\[750\\w+]"))
                .hasSize(2);
        assertThat(outcome.log()).contains("INSERT of Account: 7 rows loaded, 3 failed (failed rows in " + failed
                + ")");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(failed)) {
            for (Path f : files.sorted(Comparator.naturalOrder()).toList()) {
                List<String> l = Files.readAllLines(f);
                assertThat(l.get(0)).startsWith("sf__Id,sf__Error,").contains("Name", "NumberOfEmployees");
                lines.addAll(l.subList(1, l.size()));
            }
        }
        assertThat(lines).hasSize(3).allMatch(l -> l.contains("REQUIRED_FIELD_MISSING"));
    }

    @Test
    void failedRowsCanBeWrittenAsParquetWithTheirErrorAndTheColumnsAsSent(SalesforceClient client) {
        StructType schema = new StructType().add("Name", DataTypes.StringType).add("NumberOfEmployees",
                DataTypes.IntegerType);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(RowFactory.create(i % 5 == 0 ? null : "Q" + i, i)); // rows 0, 5, 10 lack the Name
        }
        Path failed = tmp.resolve("failed-parquet");
        Dataset<Row> df = spark.createDataFrame(rows, schema).repartition(2);
        assertThatThrownBy(() -> df.write().format("salesforce").options(options()).option("object", "Account")
                .option("checkpointLocation", tmp.resolve("cp-bad").toString())
                .option("failedRecordsFormat", "json").mode("append").save())
                .hasMessageContaining("'failedRecordsFormat' is 'json'; use csv or parquet");

        df.write().format("salesforce").options(options()).option("object", "Account")
                .option("checkpointLocation", tmp.resolve("cp").toString())
                .option("failedRecordsPath", failed.toString()).option("failedRecordsFormat", "parquet")
                .mode("append").save();

        assertThat(client.bulk().query("SELECT Name FROM Account").recordCount()).isEqualTo(9);
        Dataset<Row> back = spark.read().parquet(failed.toString());
        assertThat(back.columns()).startsWith("sf__Id", "sf__Error").contains("Name", "NumberOfEmployees");
        List<Row> refused = back.collectAsList();
        assertThat(refused).hasSize(3).allMatch(r -> r.getString(r.fieldIndex("sf__Error"))
                .contains("REQUIRED_FIELD_MISSING")).allMatch(r -> r.isNullAt(r.fieldIndex("Name")));
        assertThat(refused).extracting(r -> r.getString(r.fieldIndex("NumberOfEmployees")))
                .containsExactlyInAnyOrder("0", "5", "10");
    }

    @Test
    void aTaskThatFailsAfterItsJobWasCreatedIsRetriedWithoutLoadingAnyRowTwice(SalesforceClient client,
                                                                               LocalOrgControl control)
            throws IOException {
        // The first attempt creates its job, uploads and closes it, then cannot read the job's state (3 × 503 with
        // maxRetries 2) and fails; Spark runs the task again, which finds the recorded job and takes its results.
        InjectedFault fault = control.inject(FaultSpec.onJobStatus().respond(503).times(3));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(RowFactory.create("X" + i));
        }
        StructType schema = new StructType().add("Name", DataTypes.StringType);
        spark.createDataFrame(rows, schema).coalesce(1).write().format("salesforce").options(options())
                .option("object", "Account").option("checkpointLocation", tmp.resolve("cp").toString())
                .mode("append").save();

        List<String> names = client.bulk().query("SELECT Name FROM Account").records().stream()
                .map(r -> r.get("Name")).toList();
        assertThat(names).hasSize(50).doesNotHaveDuplicates();
        assertThat(client.bulk().listJobs(JobKind.INGEST).jobs()).hasSize(1);
        assertThat(fault.injections()).isEqualTo(3);
        // the second attempt (task attempt 1) holds the partition and recorded the outcome
        assertThat(Files.readString(tmp.resolve("cp/partition-0/owner"))).isEqualTo("0.1");
        assertThat(Files.readString(tmp.resolve("cp/partition-0/done"))).startsWith("0\n50\n0\n");
    }

    @Test
    void upsertsByExternalIdAndDeletesFromADataFrame(SalesforceClient client, LocalOrgControl control) {
        control.seed("Account", List.of(Map.of("Name", "Old A", "External_Key__c", "K1"),
                Map.of("Name", "Old B", "External_Key__c", "K2")));
        StructType schema = new StructType().add("External_Key__c", DataTypes.StringType)
                .add("Name", DataTypes.StringType);
        List<Row> upserts = List.of(RowFactory.create("K1", "New A"), RowFactory.create("K3", "New C"));
        write(spark.createDataFrame(upserts, schema), "upsert", Map.of("externalIdField", "External_Key__c"));
        Map<String, String> byKey = new HashMap<>();
        client.bulk().query("SELECT External_Key__c, Name FROM Account").records()
                .forEach(r -> byKey.put(r.get("External_Key__c"), r.get("Name")));
        assertThat(byKey).containsExactlyInAnyOrderEntriesOf(Map.of("K1", "New A", "K2", "Old B", "K3", "New C"));

        Dataset<Row> doomed = spark.read().format("salesforce").options(options())
                .option("query", "SELECT Id FROM Account WHERE External_Key__c IN ('K1', 'K3')").load();
        write(doomed, "delete", Map.of());
        assertThat(client.bulk().query("SELECT External_Key__c FROM Account").records())
                .extracting(r -> r.get("External_Key__c")).containsExactly("K2");
    }

    private void write(Dataset<Row> df, String operation, Map<String, String> extra) {
        df.write().format("salesforce").options(options()).options(extra).option("object", "Account")
                .option("operation", operation)
                .option("checkpointLocation", tmp.resolve("cp-" + operation).toString()).mode("append").save();
    }
}
