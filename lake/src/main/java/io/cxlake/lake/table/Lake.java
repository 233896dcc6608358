package io.cxlake.lake.table;

import static org.apache.spark.sql.functions.col;

import io.cxlake.lake.fault.FaultPause;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * The one facade over every lake read and write. Each write is one Delta commit: it either lands
 * whole or not at all. Rows are conformed to the table's declared schema before writing, so a
 * missing column fails here, naming it, rather than corrupting a table.
 */
public final class Lake {
  private static final String JOB_DESCRIPTION = "spark.job.description";

  private final SparkSession spark;
  private final String root;

  public Lake(SparkSession spark, String root) {
    this.spark = spark;
    this.root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
  }

  public SparkSession spark() {
    return spark;
  }

  public String root() {
    return root;
  }

  public String path(TableDef t) {
    return root + "/" + t.shortName();
  }

  public boolean exists(TableDef t) {
    return DeltaTable.isDeltaTable(spark, path(t));
  }

  /** The table's rows; an empty frame with the declared schema if the table does not exist yet. */
  public Dataset<Row> read(TableDef t) {
    if (!exists(t)) {
      return spark.createDataFrame(List.of(), t.schema());
    }
    return spark.read().format("delta").load(path(t));
  }

  /** The table's current Delta version, or -1 if it does not exist. */
  public long version(TableDef t) {
    // The newest commit file's number: one listing, where history(1) is a Spark query (a tenth
    // of a second each; a step takes its tables' versions before and after).
    Path log = new Path(path(t), "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(log)) {
        return -1;
      }
      long newest = -1;
      for (FileStatus f : fs.listStatus(log)) {
        String name = f.getPath().getName();
        if (name.length() == 25
            && name.endsWith(".json")
            && name.substring(0, 20).chars().allMatch(Character::isDigit)) {
          newest = Math.max(newest, Long.parseLong(name.substring(0, 20)));
        }
      }
      return newest;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the log of " + path(t), e);
    }
  }

  /** Creates the table with its declared schema and partitioning, if it is not there. */
  public void create(TableDef t) {
    if (exists(t)) {
      return;
    }
    var builder = DeltaTable.createIfNotExists(spark).location(path(t)).addColumns(t.schema());
    t.partitionColumn().ifPresent(builder::partitionedBy);
    builder.execute();
  }

  /** Selects and casts the declared columns in order; fails naming a column the rows lack. */
  public static Dataset<Row> conform(TableDef t, Dataset<Row> rows) {
    List<String> have = List.of(rows.columns());
    List<Column> cols = new ArrayList<>();
    for (StructField f : t.schema().fields()) {
      if (!have.contains(f.name())) {
        throw new IllegalArgumentException(
            "rows for table '" + t.shortName() + "' lack column '" + f.name() + "'");
      }
      cols.add(col(f.name()).cast(f.dataType()).as(f.name()));
    }
    return rows.select(cols.toArray(Column[]::new));
  }

  /** Appends the rows; returns how many were written. */
  public long append(TableDef t, Dataset<Row> rows) {
    create(t);
    return labelled(
        "append",
        t,
        () -> {
          prepared(t, rows).write().format("delta").mode("append").save(path(t));
          return rowsWritten(t);
        });
  }

  /**
   * Inserts the rows whose keys are not in the table yet (one MERGE); rows already there are left
   * as they are, so a rerun inserts nothing. The rows must be unique on the keys. Returns the
   * number inserted.
   */
  public long insertNew(TableDef t, Dataset<Row> rows) {
    create(t);
    Row m =
        labelled(
            "insert new rows into",
            t,
            () ->
                DeltaTable.forPath(spark, path(t))
                    .as("t")
                    .merge(prepared(t, rows).as("s"), keyMatch(t))
                    .whenNotMatched()
                    .insertAll()
                    .execute()
                    .head());
    return m.getLong(m.fieldIndex("num_inserted_rows"));
  }

  /**
   * Upserts by key (one MERGE): a matched row is replaced when {@code newerColumn} of the incoming
   * row is at least the stored one's, so replaying an older export never undoes a newer one.
   */
  public Map<String, Long> upsert(TableDef t, Dataset<Row> rows, String newerColumn) {
    create(t);
    Row m =
        labelled(
            "upsert",
            t,
            () ->
                DeltaTable.forPath(spark, path(t))
                    .as("t")
                    .merge(prepared(t, rows).as("s"), keyMatch(t))
                    .whenMatched("s." + newerColumn + " >= t." + newerColumn)
                    .updateAll()
                    .whenNotMatched()
                    .insertAll()
                    .execute()
                    .head());
    return Map.of(
        "inserted", m.getLong(m.fieldIndex("num_inserted_rows")),
        "updated", m.getLong(m.fieldIndex("num_updated_rows")));
  }

  /** Replaces one date partition with the rows (Delta replaceWhere): rerunnable for a date. */
  public long replacePartition(TableDef t, LocalDate date, Dataset<Row> rows) {
    String partition =
        t.partitionColumn()
            .orElseThrow(
                () -> new IllegalArgumentException(t.shortName() + " is not date-partitioned"));
    return replaceWhere(t, partition + " = DATE'" + date + "'", rows);
  }

  /** Replaces the rows matching the predicate with the given rows, in one commit. */
  public long replaceWhere(TableDef t, String predicate, Dataset<Row> rows) {
    create(t);
    return labelled(
        "replace " + predicate + " of",
        t,
        () -> {
          prepared(t, rows)
              .write()
              .format("delta")
              .mode("overwrite")
              .option("replaceWhere", predicate)
              .save(path(t));
          return rowsWritten(t);
        });
  }

  /** Rows ready to write: conformed, and able to pause mid-write in crash tests only. */
  private Dataset<Row> prepared(TableDef t, Dataset<Row> rows) {
    return FaultPause.duringWrite(spark, conform(t, rows));
  }

  /**
   * Runs a write with its Spark jobs described as the step's description (set by the job group)
   * plus what they write, e.g. "cxlake features 2026-10-05: upsert order_line_features".
   */
  private <T> T labelled(String what, TableDef t, Supplier<T> write) {
    SparkContext sc = spark.sparkContext();
    String outer = sc.getLocalProperty(JOB_DESCRIPTION);
    sc.setJobDescription((outer == null ? "" : outer + ": ") + what + " " + t.shortName());
    try {
      return write.get();
    } finally {
      sc.setLocalProperty(JOB_DESCRIPTION, outer);
    }
  }

  /** Rows the table's last commit wrote, from its Delta metrics: no second pass over the data. */
  private long rowsWritten(TableDef t) {
    Row last = DeltaTable.forPath(spark, path(t)).history(1).select("operationMetrics").head();
    Map<String, String> metrics = last.getJavaMap(0);
    return metrics == null ? 0 : Long.parseLong(metrics.getOrDefault("numOutputRows", "0"));
  }

  /** Deletes the rows matching the predicate, in one commit; returns how many. */
  public long deleteWhere(TableDef t, String predicate) {
    if (!exists(t)) {
      return 0;
    }
    long n = read(t).where(predicate).count();
    DeltaTable.forPath(spark, path(t)).delete(predicate);
    return n;
  }

  /** Deletes the rows matching the condition, in one commit; returns how many. */
  public long deleteWhere(TableDef t, Column condition) {
    if (!exists(t)) {
      return 0;
    }
    long n = read(t).where(condition).count();
    if (n > 0) {
      DeltaTable.forPath(spark, path(t)).delete(condition);
    }
    return n;
  }

  /** The versions Delta's history still lists for the table, oldest first; empty if absent. */
  public List<Long> historyVersions(TableDef t) {
    if (!exists(t)) {
      return List.of();
    }
    return DeltaTable.forPath(spark, path(t))
        .history()
        .select("version")
        .orderBy("version")
        .collectAsList()
        .stream()
        .map(r -> r.getLong(0))
        .toList();
  }

  /**
   * Removes data files no longer referenced by the table's current version and older than {@code
   * retainHours} (Delta VACUUM). Time travel to versions whose files are gone fails afterwards.
   * Below Delta's safety interval (7 days) Delta refuses unless {@code overrideSafetyCheck}, which
   * disables its check for this call only: a reader or writer still on an old version breaks.
   */
  public void vacuum(TableDef t, double retainHours, boolean overrideSafetyCheck) {
    if (!exists(t)) {
      return;
    }
    String key = "spark.databricks.delta.retentionDurationCheck.enabled";
    String before = spark.conf().getOption(key).getOrElse(() -> null);
    if (overrideSafetyCheck) {
      spark.conf().set(key, "false");
    }
    try {
      DeltaTable.forPath(spark, path(t)).vacuum(retainHours);
    } finally {
      if (overrideSafetyCheck) {
        if (before == null) {
          spark.conf().unset(key);
        } else {
          spark.conf().set(key, before);
        }
      }
    }
  }

  /**
   * Rewrites the files whose rows a deletion vector only marks deleted, so the rows are gone from
   * the current files too (REORG TABLE ... APPLY (PURGE)). Skipped for a table whose protocol has
   * no deletion vectors: its DELETEs always rewrote files.
   */
  public void purgeDeletionVectors(TableDef t) {
    if (!exists(t)) {
      return;
    }
    Row detail = DeltaTable.forPath(spark, path(t)).detail().select("tableFeatures").head();
    List<String> features = detail.isNullAt(0) ? List.of() : detail.getList(0);
    if (features.contains("deletionVectors")) {
      spark.sql("REORG TABLE delta.`" + path(t).replace("`", "``") + "` APPLY (PURGE)");
    }
  }

  /**
   * Drops the table's log before its current version: writes a checkpoint of the current version,
   * then deletes the commit, checksum and checkpoint files of older versions, as Delta's own log
   * cleanup does once they are older than {@code delta.logRetentionDuration} (30 days, counted in
   * whole days). Old commits keep each file's min/max column statistics, which can name an id that
   * was erased; after a VACUUM that removed their files those versions cannot be read anyway.
   * Returns the log files deleted.
   */
  public int dropHistory(TableDef t) {
    if (!exists(t)) {
      return 0;
    }
    long current = version(t);
    org.apache.spark.sql.delta.DeltaLog.forTable(spark, path(t)).checkpoint();
    int deleted = 0;
    try {
      Path log = new Path(path(t), "_delta_log");
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (FileStatus f : fs.listStatus(log)) {
        String name = f.getPath().getName();
        if (f.isFile()
            && name.length() > 21
            && name.substring(0, 20).chars().allMatch(Character::isDigit)
            && name.charAt(20) == '.'
            && Long.parseLong(name.substring(0, 20)) < current
            && fs.delete(f.getPath(), false)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot clean the log of " + path(t), e);
    }
    return deleted;
  }

  /** Registers each existing table as a temp view under its short name, for SQL. */
  public List<String> registerViews(List<? extends TableDef> tables) {
    List<String> names = new ArrayList<>();
    for (TableDef t : tables) {
      if (exists(t)) {
        read(t).createOrReplaceTempView(t.shortName());
        names.add(t.shortName());
      }
    }
    return names;
  }

  /** The current versions of the given tables (-1 for absent), to restore after a failure. */
  public Map<TableDef, Long> versions(List<? extends TableDef> tables) {
    Map<TableDef, Long> v = new LinkedHashMap<>();
    tables.forEach(t -> v.put(t, version(t)));
    return v;
  }

  /**
   * Puts the tables back to the versions taken by {@link #versions}: a failed job leaves the lake
   * as it was. A table the job created is removed again.
   */
  public void restore(Map<TableDef, Long> before) {
    before.forEach(
        (t, v) -> {
          long now = version(t);
          if (now == v) {
            return;
          }
          if (v < 0) {
            delete(path(t));
          } else {
            DeltaTable.forPath(spark, path(t)).restoreToVersion(v);
          }
        });
  }

  private void delete(String p) {
    try {
      Path path = new Path(p);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(path, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + p, e);
    }
  }

  private static String keyMatch(TableDef t) {
    if (t.keys().isEmpty()) {
      throw new IllegalArgumentException(t.shortName() + " has no keys to merge on");
    }
    return t.keys().stream().map(k -> "t." + k + " = s." + k).collect(Collectors.joining(" AND "));
  }
}
