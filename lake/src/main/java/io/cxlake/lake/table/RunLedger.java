package io.cxlake.lake.table;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** The {@code runs} table: one row per step run, appended when the step ends. */
public final class RunLedger {
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  /** A gate stopped the run at this step; nothing after it ran. */
  public static final String BLOCKED = "blocked";

  private final Lake lake;

  public RunLedger(Lake lake) {
    this.lake = lake;
  }

  /** One finished step run. */
  public record Entry(
      String runId,
      String step,
      LocalDate runDate,
      String status,
      Instant startedAt,
      Instant endedAt,
      Map<String, Long> counts,
      Map<String, Long> tableVersions,
      String message,
      String result) {}

  /** The latest status of each step for the date, from the ledger. */
  public Map<String, String> latestStatus(LocalDate runDate) {
    Map<String, String> out = new HashMap<>();
    forDate(runDate)
        .orderBy("started_at", "ended_at")
        .select("step", "status")
        .collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
  }

  /** The counts of the step's latest successful run for the date, if it has one. */
  public Optional<Map<String, Long>> latestSucceededCounts(LocalDate runDate, String step) {
    List<Row> rows =
        forDate(runDate)
            .where(col("step").equalTo(step).and(col("status").equalTo(SUCCEEDED)))
            .orderBy(col("ended_at").desc())
            .select("counts")
            .limit(1)
            .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getJavaMap(0));
  }

  private Dataset<Row> forDate(LocalDate runDate) {
    return lake.read(Table.RUNS).where(col("run_date").equalTo(Date.valueOf(runDate)));
  }

  public void record(Entry e) {
    Row row =
        RowFactory.create(
            e.runId(),
            e.step(),
            Date.valueOf(e.runDate()),
            e.status(),
            Timestamp.from(e.startedAt()),
            e.endedAt() == null ? null : Timestamp.from(e.endedAt()),
            e.counts(),
            e.tableVersions(),
            e.message(),
            e.result());
    lake.append(Table.RUNS, lake.spark().createDataFrame(List.of(row), Table.RUNS.schema()));
  }
}
