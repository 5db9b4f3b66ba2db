package dev.kinetic.spark.metric;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The data source's Spark SQL metrics (shown in the SQL tab), each a sum. A write shows the rows loaded and failed,
 * summed over the committed partitions by the driver. A read shows the query job's {@code numberRecordsProcessed},
 * reported by the driver, beside the rows read from all result pages, summed over the tasks. Spark instantiates the
 * metric classes by name, hence public with no-argument constructors. Stateless.
 */
public final class SalesforceMetrics {
    /** Rows Salesforce loaded in a write. */
    public static final String ROWS_LOADED = "salesforceRowsLoaded";
    /** Rows Salesforce refused in a write. */
    public static final String ROWS_FAILED = "salesforceRowsFailed";
    /** Rows read from a query job's result pages. */
    public static final String ROWS_READ = "salesforceRowsRead";
    /** A query job's {@code numberRecordsProcessed}. */
    public static final String ROWS_IN_JOB = "salesforceRowsInJob";

    private SalesforceMetrics() {
    }

    /** @return a write's metrics */
    public static CustomMetric[] write() {
        return new CustomMetric[] {new RowsLoaded(), new RowsFailed()};
    }

    /** @return a read's metrics */
    public static CustomMetric[] read() {
        return new CustomMetric[] {new RowsRead(), new RowsInJob()};
    }

    /**
     * @param name one of the names above
     * @param value its value
     * @return the value as Spark takes it from a task or the driver
     */
    public static CustomTaskMetric value(String name, long value) {
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

    /** A named count, summed. */
    abstract static class Count extends CustomSumMetric {
        private final String name;
        private final String description;

        Count(String name, String description) {
            this.name = name;
            this.description = description;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return description;
        }
    }

    /** Salesforce rows loaded. */
    public static final class RowsLoaded extends Count {
        /** Made by Spark. */
        public RowsLoaded() {
            super(ROWS_LOADED, "Salesforce rows loaded");
        }
    }

    /** Salesforce rows failed. */
    public static final class RowsFailed extends Count {
        /** Made by Spark. */
        public RowsFailed() {
            super(ROWS_FAILED, "Salesforce rows failed");
        }
    }

    /** Salesforce rows read. */
    public static final class RowsRead extends Count {
        /** Made by Spark. */
        public RowsRead() {
            super(ROWS_READ, "Salesforce rows read");
        }
    }

    /** Salesforce rows in the query job. */
    public static final class RowsInJob extends Count {
        /** Made by Spark. */
        public RowsInJob() {
            super(ROWS_IN_JOB, "Salesforce rows in the query job");
        }
    }
}
