package io.cxlake.lake.table;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
  public java.util.Map<String, String> latestStatus(LocalDate runDate) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (!lake.exists(Table.RUNS)) {
      return out;
    }
    lake.read(Table.RUNS)
        .where(org.apache.spark.sql.functions.col("run_date").equalTo(Date.valueOf(runDate)))
        .orderBy("started_at", "ended_at")
        .select("step", "status")
        .collectAsList()
        .forEach(r -> out.put(r.getString(0), r.getString(1)));
    return out;
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
