package dev.kinetic.spark;

import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.catalyst.plans.QueryPlan;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import scala.jdk.javaapi.CollectionConverters;

/** The SQL metrics of an executed plan (what Spark's SQL tab shows), by name, from every node of the plan. */
final class PlanMetrics {
    private PlanMetrics() {
    }

    static Map<String, Long> of(SparkPlan plan) {
        Map<String, Long> all = new HashMap<>();
        collect(plan, all);
        return all;
    }

    private static void collect(SparkPlan plan, Map<String, Long> into) {
        CollectionConverters.asJava(plan.metrics()).forEach((name, metric) -> into.merge(name, metric.value(),
                Long::sum));
        if (plan instanceof AdaptiveSparkPlanExec adaptive) {
            collect(adaptive.executedPlan(), into);
        }
        for (SparkPlan child : CollectionConverters.asJava(plan.children())) {
            collect(child, into);
        }
        for (QueryPlan<?> inner : CollectionConverters.asJava(plan.innerChildren())) {
            if (inner instanceof SparkPlan p) {
                collect(p, into);
            }
        }
    }
}
