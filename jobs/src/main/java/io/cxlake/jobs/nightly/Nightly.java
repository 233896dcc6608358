package io.cxlake.jobs.nightly;

import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.features.FeaturesCommand;
import io.cxlake.jobs.governance.PolicySync;
import io.cxlake.jobs.ingest.IngestCommand;
import io.cxlake.jobs.intents.IntentsJob;
import io.cxlake.jobs.kpi.KpisCommand;
import io.cxlake.jobs.measure.MeasureCommand;
import io.cxlake.jobs.recs.RecsStep;
import io.cxlake.jobs.report.ReportCommand;
import io.cxlake.jobs.returnrisk.ReturnRiskJob;
import io.cxlake.jobs.serving.PublishCommand;
import io.cxlake.lake.table.RunLedger;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The nightly DAG for one date: its steps in dependency order, each skipped when the ledger says it
 * already succeeded for the date (so a rerun resumes where a failed run stopped), under a lock that
 * keeps a second run for the same date out.
 */
public final class Nightly {
  private static final Logger LOG = LoggerFactory.getLogger(Nightly.class);

  /** One step: a name (as in the ledger) and what it runs for a date. */
  public record Step(String name, Runner runner) {}

  /** Runs a step for a date; records itself in the ledger through {@link Pipeline#step}. */
  @FunctionalInterface
  public interface Runner {
    void run(Pipeline p, LocalDate day) throws Exception;
  }

  /**
   * The steps, in the order they run. Model steps come after features and before publish: a step
   * that blocks (a gate) stops the run before anything is published. The report comes last, so it
   * shows what was published.
   */
  public static final List<Step> STEPS =
      List.of(
          new Step("policy", PolicySync::run),
          new Step("ingest", IngestCommand::run),
          new Step("quality-gate", QualityGate::run),
          new Step("features", (p, d) -> FeaturesCommand.run(p, d, false)),
          new Step("return-risk", ReturnRiskJob::step),
          new Step("recs", RecsStep::run),
          new Step("intents", IntentsJob::step),
          new Step("measure", MeasureCommand::run),
          new Step("kpis", KpisCommand::run),
          // After return-risk, before publish: nothing drifted is published.
          new Step("drift-gate", DriftGate::run),
          new Step("publish", PublishCommand::run),
          new Step("report", ReportCommand::run));

  private Nightly() {}

  /** What to rerun: everything ({@code force}), from a step on, or only what has not succeeded. */
  public record Rerun(boolean force, String fromStep) {
    public Rerun {
      if (fromStep != null && STEPS.stream().noneMatch(s -> s.name().equals(fromStep))) {
        throw new IllegalArgumentException(
            "unknown step '" + fromStep + "' for --from; steps: " + names());
      }
    }
  }

  /** One step's outcome in the run summary. */
  public record Outcome(
      LocalDate runDate,
      String step,
      String status,
      double seconds,
      Map<String, Long> counts,
      String message) {}

  /**
   * Runs the nightly for one date under its lock; returns each step's outcome. A failing step
   * throws after its outcome is added; the steps after it do not run.
   */
  public static void run(Pipeline p, LocalDate day, Rerun rerun, List<Outcome> outcomes)
      throws Exception {
    Duration ttl = Duration.ofMinutes(p.config().nightly().lockTtlMinutes());
    try (RunLock lock =
        RunLock.acquire(
            p.spark().sparkContext().hadoopConfiguration(),
            p.config().lake().root(),
            day,
            p.runId(),
            ttl)) {
      Map<String, String> done = p.ledger().latestStatus(day);
      boolean rerunning = rerun.force();
      for (Step step : STEPS) {
        rerunning |= step.name().equals(rerun.fromStep());
        if (!rerunning && RunLedger.SUCCEEDED.equals(done.get(step.name()))) {
          LOG.info("step {} for {}: already succeeded, skipped", step.name(), day);
          outcomes.add(new Outcome(day, step.name(), "skipped", 0, Map.of(), "already succeeded"));
          continue;
        }
        int before = p.history().size();
        try {
          step.runner().run(p, day);
        } finally {
          p.history().subList(before, p.history().size()).forEach(r -> outcomes.add(outcome(r)));
        }
      }
    }
  }

  private static Outcome outcome(RunLedger.Entry r) {
    double seconds = Duration.between(r.startedAt(), r.endedAt()).toMillis() / 1000.0;
    return new Outcome(r.runDate(), r.step(), r.status(), seconds, r.counts(), r.message());
  }

  public static List<String> names() {
    List<String> n = new ArrayList<>();
    STEPS.forEach(s -> n.add(s.name()));
    return n;
  }
}
