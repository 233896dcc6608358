package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import io.delta.tables.DeltaTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of raw rows: per configured table, the rows dated more than its window before the run
 * date are deleted (by the table's date partition, so whole old partitions go), then VACUUM with
 * the configured safe retention removes the files no version of the last days still needs.
 * Aggregates are never listed, so they stay.
 */
public final class Retention {
  private static final Logger LOG = LoggerFactory.getLogger(Retention.class);

  /** Per table: rows deleted, the cutoff date and the data files VACUUM removed. */
  public record Result(
      Map<String, Long> rowsDeleted,
      Map<String, LocalDate> cutoffs,
      Map<String, Long> filesVacuumed) {}

  private Retention() {}

  /** The tables the settings name (with a window > 0), checked against the known tables. */
  public static List<TableDef> tables(
      List<? extends TableDef> known, CxConfig.RetentionSettings s) {
    List<TableDef> out = new ArrayList<>();
    s.days()
        .forEach(
            (name, days) -> {
              TableDef t =
                  known.stream()
                      .filter(k -> k.shortName().equals(name))
                      .findFirst()
                      .orElseThrow(
                          () ->
                              new ConfigError(
                                  "config key 'retention.days." + name + "' names no table"));
              if (t.partitionColumn().isEmpty()) {
                throw new ConfigError(
                    "config key 'retention.days."
                        + name
                        + "': "
                        + name
                        + " is not partitioned by a date, so it has no age to keep by");
              }
              if (days > 0) {
                out.add(t);
              }
            });
    return out;
  }

  public static Result run(
      Lake lake, List<? extends TableDef> known, CxConfig.RetentionSettings s, LocalDate runDate) {
    Map<String, Long> deleted = new TreeMap<>();
    Map<String, LocalDate> cutoffs = new TreeMap<>();
    Map<String, Long> vacuumed = new TreeMap<>();
    for (TableDef t : tables(known, s)) {
      LocalDate cutoff = runDate.minusDays(s.days().get(t.shortName()));
      String part = t.partitionColumn().orElseThrow();
      long n = lake.deleteWhere(t, col(part).lt(lit(Date.valueOf(cutoff))));
      lake.vacuum(t, s.vacuumHours(), false);
      long files = lastVacuumedFiles(lake, t);
      LOG.info(
          "retention {}: deleted {} rows dated before {}; VACUUM RETAIN {} HOURS removed {} files",
          t.shortName(),
          n,
          cutoff,
          s.vacuumHours(),
          files);
      deleted.put(t.shortName(), n);
      cutoffs.put(t.shortName(), cutoff);
      vacuumed.put(t.shortName(), files);
    }
    return new Result(deleted, cutoffs, vacuumed);
  }

  /** Files the table's last VACUUM deleted, from its history (0 if it logged none). */
  private static long lastVacuumedFiles(Lake lake, TableDef t) {
    if (!lake.exists(t)) {
      return 0;
    }
    List<Row> end =
        DeltaTable.forPath(lake.spark(), lake.path(t))
            .history(3)
            .where(col("operation").equalTo("VACUUM END"))
            .select("operationMetrics")
            .collectAsList();
    if (end.isEmpty() || end.get(0).isNullAt(0)) {
      return 0;
    }
    Map<String, String> m = end.get(0).getJavaMap(0);
    return Long.parseLong(m.getOrDefault("numDeletedFiles", "0"));
  }
}
