package dev.kinetic.spark.write;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The write's Spark metrics (shown in the SQL tab): rows loaded and rows failed, summed over the committed
 * partitions and reported by the driver after the commit.
 */
final class LoadMetrics {
    static final String SUCCEEDED = "salesforceRowsLoaded";
    static final String FAILED = "salesforceRowsFailed";

    private LoadMetrics() {
    }

    static CustomMetric[] all() {
        return new CustomMetric[] {new RowsLoaded(), new RowsFailed()};
    }

    static CustomTaskMetric task(String name, long value) {
        return new CustomTaskMetric() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public long value() {
                return value;
            }
        };
    }

    /** Rows Salesforce loaded. Spark instantiates it by name, hence public with a no-argument constructor. */
    public static final class RowsLoaded extends CustomSumMetric {
        @Override
        public String name() {
            return SUCCEEDED;
        }

        @Override
        public String description() {
            return "Salesforce rows loaded";
        }
    }

    /** Rows Salesforce refused. */
    public static final class RowsFailed extends CustomSumMetric {
        @Override
        public String name() {
            return FAILED;
        }

        @Override
        public String description() {
            return "Salesforce rows failed";
        }
    }
}
