package dev.kinetic.spark.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.executor.ExecutorMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageExecutorMetrics;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The peak used heap ({@code JVMHeapMemory}) of each executor, from the metrics executors send with their heartbeats
 * and at stage ends; the driver is left out. Sampled: set {@code spark.executor.metrics.pollingInterval} short.
 * Thread-safe.
 */
final class ExecutorHeap extends SparkListener {
    private final Map<String, Long> peaks = new ConcurrentHashMap<>();

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate update) {
        CollectionConverters.asJava(update.executorUpdates()).values().forEach(m -> record(update.execId(), m));
    }

    @Override
    public void onStageExecutorMetrics(SparkListenerStageExecutorMetrics stage) {
        record(stage.execId(), stage.executorMetrics());
    }

    private void record(String executor, ExecutorMetrics metrics) {
        if (!executor.equals("driver")) {
            peaks.merge(executor, metrics.getMetricValue("JVMHeapMemory"), Math::max);
        }
    }

    /** @return each executor's peak since the last call, in MB, and starts again */
    Map<String, Long> takeMegabytes() {
        Map<String, Long> mb = new TreeMap<>();
        peaks.forEach((id, bytes) -> mb.put(id, bytes >> 20));
        peaks.clear();
        return mb;
    }
}
