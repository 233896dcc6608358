package io.cxlake.jobs.serving;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.table.Lake;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.ForeachPartitionFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * A run's score tables in the lake, as {@link Publisher} reads them. Each table's rows for the
 * run-date are read once and cached for the counts, the write and the validation sample. Writes go
 * from the executors, one sink per partition and {@code max-connections} partitions, each a range
 * of keys, sorted by key so a key's rows are together; SQLite, a local file with one writer, is
 * written from the driver.
 */
public final class SparkScores implements Scores, AutoCloseable {
  private final StoreSpec spec;
  private final Map<ServingTable, Dataset<Row>> frames = new EnumMap<>(ServingTable.class);
  private final Map<ServingTable, Long> rows = new EnumMap<>(ServingTable.class);

  public SparkScores(Lake lake, LocalDate runDate, StoreSpec spec) {
    this.spec = spec;
    for (ServingTable t : ServingTable.values()) {
      frames.put(t, rows(lake, t, runDate).persist(StorageLevel.MEMORY_AND_DISK()));
    }
  }

  /** The table's served columns, for the run-date, as the lake holds them. */
  public static Dataset<Row> rows(Lake lake, ServingTable t, LocalDate runDate) {
    Column[] cols = t.columnNames().stream().map(c -> col(c)).toArray(Column[]::new);
    return lake.read(t.source())
        .where(col("run_date").equalTo(lit(Date.valueOf(runDate))))
        .select(cols);
  }

  @Override
  public long rows(ServingTable t) {
    return rows.computeIfAbsent(t, x -> frames.get(x).count());
  }

  @Override
  public long keys(ServingTable t) {
    return frames.get(t).select(t.key()).distinct().count();
  }

  @Override
  public void write(ServingTable t, long version) {
    Dataset<Row> d = frames.get(t);
    if (!spec.parallelWrites()) {
      writePartition(spec, version, t, d.toLocalIterator());
      return;
    }
    StoreSpec s = spec;
    // By key range, not hash: each writer holds one range of keys, which PostgreSQL makes one
    // partition of the version's table (PartitionSink); Redis does not mind either way.
    d.repartitionByRange(spec.maxConnections(), col(t.key()))
        .sortWithinPartitions(col(t.key()), col(t.order()))
        .foreachPartition((ForeachPartitionFunction<Row>) it -> writePartition(s, version, t, it));
  }

  /** Runs on an executor: one connection, one transaction (or pipeline) for the partition. */
  static void writePartition(StoreSpec spec, long version, ServingTable t, Iterator<Row> it) {
    if (!it.hasNext()) {
      return;
    }
    try (RowSink sink = spec.sink(version, t)) {
      while (it.hasNext()) {
        sink.add(values(t, it.next()));
      }
      sink.commit();
    }
  }

  static List<Object> values(ServingTable t, Row r) {
    List<ServingTable.Column> cols = t.columns();
    List<Object> v = new ArrayList<>(cols.size());
    for (int i = 0; i < cols.size(); i++) {
      if (r.isNullAt(i)) {
        v.add(null);
        continue;
      }
      v.add(
          switch (cols.get(i).type()) {
            case TEXT -> r.getString(i);
            case INT -> r.getInt(i);
            case DOUBLE -> r.getDouble(i);
            case TEXT_LIST -> new ArrayList<>(r.<String>getList(i));
          });
    }
    return v;
  }

  @Override
  public Map<String, List<List<Object>>> sample(ServingTable t, int n) {
    Dataset<Row> d = frames.get(t);
    List<Object> keys =
        d.select(t.key()).distinct().limit(n).collectAsList().stream()
            .map(r -> (Object) r.getString(0))
            .toList();
    if (keys.isEmpty()) {
      return Map.of();
    }
    List<List<Object>> sampled = new ArrayList<>();
    for (Row r : d.where(col(t.key()).isin(keys.toArray())).collectAsList()) {
      sampled.add(values(t, r));
    }
    return t.byKey(sampled);
  }

  @Override
  public void close() {
    frames.values().forEach(Dataset::unpersist);
  }
}
