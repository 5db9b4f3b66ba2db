package dev.kinetic.spark.write;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Failed rows as a Parquet file written with the cluster's Parquet: one nullable string column per CSV column
 * ({@code sf__Id}, {@code sf__Error}, then the columns as sent), an empty cell as null. Not thread-safe.
 */
final class ParquetRowSink implements FailedRowsFormat.RowSink {
    private final SimpleGroupFactory groups;
    private final ParquetWriter<Group> writer;
    private final int columns;

    ParquetRowSink(Path file, List<String> header) throws IOException {
        Type[] fields = header.stream().map(name -> Types.optional(PrimitiveTypeName.BINARY)
                .as(LogicalTypeAnnotation.stringType()).named(name)).toArray(Type[]::new);
        MessageType schema = new MessageType("failed_rows", fields);
        this.groups = new SimpleGroupFactory(schema);
        this.columns = fields.length;
        this.writer = ExampleParquetWriter.builder(new LocalOutputFile(file)).withType(schema)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE).build();
    }

    @Override
    public void write(List<String> cells) throws IOException {
        Group row = groups.newGroup();
        for (int i = 0; i < Math.min(columns, cells.size()); i++) {
            if (!cells.get(i).isEmpty()) {
                row.add(i, cells.get(i));
            }
        }
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
