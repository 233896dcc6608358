package io.cxlake.jobs.recs;

import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.table.TableDef;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recommenders as ledger-recorded steps: train, score, or both (the nightly's recs step). */
public final class RecsStep {
  private RecsStep() {}

  /** Both results of the nightly step. */
  public record Outcome(RecsTraining.Outcome trained, RecsScoring.Outcome scored) {
    public String summary() {
      return trained.summary() + "; " + scored.summary();
    }
  }

  public static RecsTraining.Outcome train(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "train-recs",
        day,
        RecsTraining.WRITES,
        () -> RecsTraining.train(p, day),
        o -> new Pipeline.StepResult(trainCounts(o), o.summary()));
  }

  public static RecsScoring.Outcome score(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "score-recs",
        day,
        RecsScoring.WRITES,
        () -> RecsScoring.score(p, day),
        o -> new Pipeline.StepResult(scoreCounts(o), o.summary()));
  }

  /** The nightly step {@code recs}: train (and gate), then score with whatever is champion. */
  public static void run(Pipeline p, LocalDate day) throws Exception {
    List<TableDef> writes = new ArrayList<>(RecsTraining.WRITES);
    writes.addAll(RecsScoring.WRITES);
    p.step(
        "recs",
        day,
        writes,
        () -> new Outcome(RecsTraining.train(p, day), RecsScoring.score(p, day)),
        o -> {
          Map<String, Long> c = new LinkedHashMap<>(trainCounts(o.trained()));
          c.putAll(scoreCounts(o.scored()));
          return new Pipeline.StepResult(c, o.summary());
        });
  }

  private static Map<String, Long> trainCounts(RecsTraining.Outcome o) {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("holdout_users", o.metrics().map(m -> m.blend().users()).orElse(0L));
    c.put("promoted", o.decision().map(d -> d.promote() ? 1L : 0L).orElse(0L));
    return c;
  }

  private static Map<String, Long> scoreCounts(RecsScoring.Outcome o) {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("recommended_users", o.users());
    c.put("recommendations", o.rows());
    return c;
  }
}
