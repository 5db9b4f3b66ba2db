package dev.kinetic.spark.fork;

import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * What a {@code spark-submit --jars kinetic-spark-…-shaded.jar} user runs, in a JVM whose class path holds only
 * Spark's jars and the shaded jar: a write and a read through the short name {@code salesforce}. It prints what the
 * test checks, one {@code key=value} a line. Arguments: login URL, client id, user name, private key path,
 * checkpoint folder, rows.
 */
public final class ShadedJarMain {
    private ShadedJarMain() {
    }

    /**
     * @param args login URL, client id, user name, private key path, checkpoint folder, rows
     */
    public static void main(String[] args) {
        Map<String, String> signIn = Map.of("loginUrl", args[0], "clientId", args[1], "username", args[2],
                "privateKeyPath", args[3], "pollIntervalMillis", "20");
        int rows = Integer.parseInt(args[5]);
        SparkSession spark = SparkSession.builder().master("local[2]").appName("kinetic-spark-shaded-jar")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            spark.range(rows).select(functions.concat(functions.lit("J"), functions.col("id")).as("Name"))
                    .repartition(2).write().format("salesforce").options(signIn).option("object", "Account")
                    .option("checkpointLocation", args[4]).mode("append").save();
            Dataset<Row> read = spark.read().format("salesforce").options(signIn).option("object", "Account")
                    .option("columns", "Name").load();
            List<Row> counts = read.agg(functions.count(functions.lit(1)), functions.countDistinct(
                    functions.col("Name"))).collectAsList();
            System.out.println("read=" + counts.get(0).getLong(0));
            System.out.println("distinct=" + counts.get(0).getLong(1));
        } finally {
            spark.stop();
        }
        System.out.println("dataSource=" + where("dev.kinetic.spark.SalesforceDataSource"));
        System.out.println("shadedLibrary=" + where("dev.kinetic.spark.shaded.core.SalesforceClient"));
        System.out.println("shadedJackson=" + where("dev.kinetic.spark.shaded.jackson.databind.ObjectMapper"));
        System.out.println("sparkJackson=" + where("com.fasterxml.jackson.databind.ObjectMapper"));
        System.out.println("plainLibrary=" + where("dev.kinetic.core.SalesforceClient"));
        System.out.println("plainFastCsv=" + where("de.siegmar.fastcsv.reader.CsvReader"));
    }

    private static String where(String className) {
        try {
            return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().getPath();
        } catch (ClassNotFoundException e) {
            return "absent";
        }
    }
}
