package dev.kinetic.spark.read;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * A read's Spark metrics (shown in the SQL tab on the scan): the rows the query job processed, reported by the
 * driver, beside the rows read from all its result pages, summed over the tasks. The two are equal for a whole read.
 */
final class ReadMetrics {
    static final String READ = "salesforceRowsRead";
    static final String IN_JOB = "salesforceRowsInJob";

    private ReadMetrics() {
    }

    static CustomMetric[] all() {
        return new CustomMetric[] {new RowsRead(), new RowsInJob()};
    }

    static CustomTaskMetric value(String name, long value) {
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

    /** Rows read from the result pages. Spark instantiates it by name, hence public with a no-argument constructor. */
    public static final class RowsRead extends CustomSumMetric {
        @Override
        public String name() {
            return READ;
        }

        @Override
        public String description() {
            return "Salesforce rows read";
        }
    }

    /** The query job's {@code numberRecordsProcessed}, reported by the driver. */
    public static final class RowsInJob extends CustomSumMetric {
        @Override
        public String name() {
            return IN_JOB;
        }

        @Override
        public String description() {
            return "Salesforce rows in the query job";
        }
    }
}
