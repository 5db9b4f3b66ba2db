package dev.kinetic.spark;

import dev.kinetic.emulator.LocalOrgCredentials;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** The tests' Spark session (local[2], up to 3 attempts per task, loopback only) and options for a local org. */
public final class SparkOrg {
    private SparkOrg() {
    }

    /** @return the session, started with the tests' settings if none runs */
    public static SparkSession spark() {
        return builder().getOrCreate();
    }

    /** @return a builder with the tests' settings, for a test that adds its own */
    public static SparkSession.Builder builder() {
        return SparkSession.builder().master("local[2,3]").appName("kinetic-spark-tests")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "2");
    }

    /**
     * @param c the local org's credentials
     * @return JWT sign-in to the local org, fast polling and retries
     */
    public static Map<String, String> options(LocalOrgCredentials c) {
        return Map.of("clientId", c.clientId(), "username", c.username(),
                "privateKeyPath", c.privateKeyPath().toString(), "loginUrl", c.loginUrl().toString(),
                "pollIntervalMillis", "20", "retryBackoffMillis", "5", "maxRetries", "2");
    }
}
