package dev.kinetic.spark;

import dev.kinetic.emulator.LocalOrgCredentials;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The tests' Spark session (local[2], up to 3 attempts per task, loopback only) and options for a local org. */
final class SparkOrg {
    private SparkOrg() {
    }

    static SparkSession spark() {
        return SparkSession.builder().master("local[2,3]").appName("kinetic-spark-tests")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2")
                .getOrCreate();
    }

    /** JWT sign-in to the local org, fast polling and retries. */
    static Map<String, String> options(LocalOrgCredentials c) {
        return Map.of("clientId", c.clientId(), "username", c.username(),
                "privateKeyPath", c.privateKeyPath().toString(), "loginUrl", c.loginUrl().toString(),
                "pollIntervalMillis", "20", "retryBackoffMillis", "5", "maxRetries", "2");
    }
}
