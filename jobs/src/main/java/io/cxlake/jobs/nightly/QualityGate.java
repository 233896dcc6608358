package io.cxlake.jobs.nightly;

import io.cxlake.jobs.GateBlockedException;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig.GateSettings;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The data-quality gate after ingest: too large a share of the day's rows quarantined, or too few
 * events (a missing or late export), stops the run before anything is trained or published.
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
              + " events were written for the day, fewer than gates.min-events "
              + s.minEvents()
              + ": is the export missing or late?",
          counts);
    }
    return new Verdict(
        true, String.format("passed: %.2f%% quarantined, %d events", 100 * share, events), counts);
  }

  /** Runs the gate for the date as a ledger step; throws {@link GateBlockedException} to block. */
  public static Verdict run(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "quality-gate",
        day,
        List.of(),
        () -> {
          Verdict v = judge(ingestCounts(p, day), p.config().gates());
          if (!v.pass()) {
            throw new GateBlockedException("quality gate for " + day + ": " + v.reason());
          }
          return v;
        },
        v -> new Pipeline.StepResult(v.counts(), v.reason()));
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
