package io.cxlake.jobs.nightly;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.jobs.GateBlockedException;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig.GateSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality gate after ingest: too large a share of the day's rows quarantined, too few
 * events (a missing or late export), a table's row count far from its recent median, a required
 * field missing from too many rows, duplicate keys, or no fresh events stop the run before anything
 * is trained or published (exit 3). See {@link QualityMetrics} and {@link QualityRules}.
 */
public final class QualityGate {
  private QualityGate() {}

  /** The verdict on one day's ingest counts; plain arithmetic, so unit-testable. */
  public record Verdict(boolean pass, String reason, Map<String, Long> counts) {}

  public static Verdict judge(Map<String, Long> ingest, GateSettings s) {
    long read = ingest.getOrDefault("read", 0L);
    long quarantined = ingest.getOrDefault("quarantined", 0L);
    long events = ingest.getOrDefault("events.written", 0L);
    Map<String, Long> counts =
        Map.of("read", read, "quarantined", quarantined, "events_written", events);
    double share = read == 0 ? 0 : (double) quarantined / read;
    if (share > s.maxQuarantineShare()) {
      return new Verdict(
          false,
          String.format(
              "%.1f%% of the day's rows were quarantined (%d of %d), more than"
                  + " gates.max-quarantine-share %.1f%%: see the quarantine table",
              100 * share, quarantined, read, 100 * s.maxQuarantineShare()),
          counts);
    }
    if (events < s.minEvents()) {
      return new Verdict(
          false,
          "only "
              + events
              + " events were ingested for the day, fewer than gates.min-events "
              + s.minEvents()
              + ": is the export missing or late?",
          counts);
    }
    return new Verdict(
        true, String.format("passed: %.2f%% quarantined, %d events", 100 * share, events), counts);
  }

  /**
   * Runs the gate for the date as a ledger step: computes the day's metrics, keeps them in {@code
   * quality_metrics} (also when the day is blocked, to show why), judges them against the history,
   * and throws {@link GateBlockedException} naming every broken rule to block.
   */
  public static Verdict run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "quality-gate",
        day,
        List.of(), // the metrics stay whatever the verdict
        () -> {
          GateSettings s = p.config().gates();
          Map<String, Long> counts = new HashMap<>(ingestCounts(p, day));
          // The day's events as the lake holds them, not as the latest ingest inserted them: an
          // ingest rerun after a killed run had committed its rows inserts none of them again.
          counts.put("events.written", eventsIngested(p.lake(), day));
          List<QualityMetrics.Metric> metrics = QualityMetrics.compute(p.lake(), counts, day);
          Map<String, List<Double>> history =
              QualityMetrics.history(p.lake(), day, s.historyDays());
          QualityMetrics.write(p.lake(), day, metrics);
          Verdict v = judge(counts, s);
          List<String> problems = new ArrayList<>(QualityRules.check(metrics, history, s));
          if (!v.pass()) {
            problems.add(v.reason());
          }
          if (!problems.isEmpty()) {
            throw new GateBlockedException(
                "quality gate for " + day + ": " + String.join("; ", problems));
          }
          return v;
        },
        v -> new Pipeline.StepResult(v.counts(), v.reason()));
  }

  /** Events whose ingest date is the day (Delta's file statistics skip the other days' files). */
  private static long eventsIngested(Lake lake, LocalDate day) {
    return lake.read(Table.EVENTS)
        .where(col("ingest_date").equalTo(lit(Date.valueOf(day))))
        .count();
  }

  /** The counts of the latest successful ingest of the date, from the run ledger. */
  private static Map<String, Long> ingestCounts(Pipeline p, LocalDate day) {
    return p.ledger()
        .latestSucceededCounts(day, "ingest")
        .orElseThrow(
            () ->
                new GateBlockedException(
                    "quality gate for " + day + ": no successful ingest of the day"));
  }
}
