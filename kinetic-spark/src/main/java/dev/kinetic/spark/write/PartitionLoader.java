package dev.kinetic.spark.write;

import dev.kinetic.core.SalesforceClient;
import dev.kinetic.spark.SalesforceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.types.StructType;

/**
 * One task attempt's writer: spools the partition's rows to local CSV chunks, then in {@link #commit()} (which
 * Spark's commit coordinator lets one attempt of a partition reach at a time) loads them with
 * {@link ExactlyOnceLoad}. Not thread-safe.
 */
final class PartitionLoader implements DataWriter<InternalRow> {
    private final SalesforceOptions options;
    private final LoadSettings settings;
    private final int partition;
    private final AttemptToken me;
    private final Path spoolDir;
    private final CsvSpool spool;

    PartitionLoader(SalesforceOptions options, LoadSettings settings, StructType schema, int partition,
                    AttemptToken me) {
        this.options = options;
        this.settings = settings;
        this.partition = partition;
        this.me = me;
        try {
            this.spoolDir = Files.createTempDirectory("kinetic-spark-load-" + partition + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a spool folder in java.io.tmpdir: " + e.getMessage(), e);
        }
        this.spool = new CsvSpool(spoolDir, schema, columns(schema, settings), settings.maxBytesPerJob());
    }

    static AttemptToken currentAttempt() {
        TaskContext t = TaskContext.get();
        return t == null ? new AttemptToken(0, 0) : new AttemptToken(t.stageAttemptNumber(), t.attemptNumber());
    }

    private static int[] columns(StructType schema, LoadSettings settings) {
        if (!settings.deletes()) {
            int[] all = new int[schema.fields().length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        for (int i = 0; i < schema.fields().length; i++) {
            if (schema.fields()[i].name().equalsIgnoreCase("Id")) {
                return new int[] {i};
            }
        }
        throw new IllegalArgumentException(settings.operation() + " needs an Id column; the DataFrame has "
                + String.join(", ", schema.fieldNames()));
    }

    @Override
    public void write(InternalRow row) throws IOException {
        spool.write(row);
    }

    @Override
    public LoadReport commit() {
        spool.close();
        try (SalesforceClient client = options.connect()) {
            Checkpoint checkpoint = new Checkpoint(settings.checkpointPath(), partition, me);
            return new ExactlyOnceLoad(client, settings, checkpoint, options.poll(), partition)
                    .run(spool.chunks(), me);
        }
    }

    @Override
    public void abort() {
        // Nothing reached the org from this attempt unless commit() ran; what it recorded is resumed by the next.
    }

    @Override
    public void close() {
        spool.close();
        try (Stream<Path> files = Files.walk(spoolDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temporary files; the OS cleans its temp folder
        }
    }
}
