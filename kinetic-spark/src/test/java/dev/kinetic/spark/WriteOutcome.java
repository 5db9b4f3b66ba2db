package dev.kinetic.spark;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.util.QueryExecutionListener;

/**
 * What a write reported: the SQL metrics of its executed plan (through a {@link QueryExecutionListener}, as Spark's
 * SQL tab gets them) and the driver's log lines of {@code SalesforceWrite}.
 *
 * @param metrics the plan's metrics by name
 * @param log the driver's log messages, in order
 */
record WriteOutcome(Map<String, Long> metrics, List<String> log) {
    private static final String LOGGER = "dev.kinetic.spark.write.SalesforceWrite";

    static WriteOutcome watch(SparkSession spark, Runnable write) throws Exception {
        AtomicReference<QueryExecution> seen = new AtomicReference<>();
        QueryExecutionListener listener = new QueryExecutionListener() {
            @Override
            public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
                seen.set(qe);
            }

            @Override
            public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            }
        };
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(LOGGER);
        logger.addHandler(handler);
        spark.listenerManager().register(listener);
        try {
            write.run();
            spark.sparkContext().listenerBus().waitUntilEmpty();
        } finally {
            spark.listenerManager().unregister(listener);
            logger.removeHandler(handler);
        }
        if (seen.get() == null) {
            throw new AssertionError("Spark reported no finished write");
        }
        return new WriteOutcome(PlanMetrics.of(seen.get().executedPlan()), List.copyOf(lines));
    }
}
