package io.cxlake.jobs.returnrisk;

import io.cxlake.features.TrainingSet;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import io.cxlake.models.returnrisk.ReturnRisk;
import io.cxlake.models.returnrisk.ReturnRiskResult;
import io.cxlake.models.returnrisk.ReturnRiskTables;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Trains, evaluates and gates the return-risk classifier, and scores the open order lines. */
@Command(
    name = "return-risk",
    mixinStandardHelpOptions = true,
    description =
        "Train the return-risk classifier on the order lines whose return window"
            + " (return-risk.label-days) closed by --run-date, calibrate it and evaluate it on the"
            + " newest of them against the naive baseline (the customer's past return rate), check"
            + " fairness across regions, and score the open lines into return_risk with a band and"
            + " reason codes. Needs the feature snapshot of --run-date (features). A lake too young"
            + " to train on (no closed return window, or too few returns) gets no model and no"
            + " scores, and says why. A failed gate writes the evaluation but no scores and exits"
            + " 3. Rerunnable.")
public final class ReturnRiskCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(ReturnRiskCommand.class);
  private static final String MODEL_ROW = "run_date = DATE'%s' AND model = 'return_risk'";

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    Outcome r = run(Pipeline.open(common, main.secrets()), day);
    System.out.println("return-risk " + day + ": " + r.summary());
    return ExitCodes.OK; // a failed gate is thrown, and exits 3
  }

  /** What the step did: trained, evaluated and (if its gate passed) scored, or why not yet. */
  public record Outcome(Optional<ReturnRiskResult> trained, String noModel) {
    public String summary() {
      return trained.map(ReturnRiskResult::summary).orElse("no model: " + noModel);
    }
  }

  /**
   * Runs the return-risk step for one date as a ledger-recorded step; for nightly and demo too. A
   * lake too young to train on records "no model: why" and leaves no scores for the date; a model
   * that fails its gate writes its evaluation, no scores, and blocks the run.
   */
  public static Outcome run(Pipeline p, LocalDate day) throws Exception {
    ReturnRiskSettings s = p.config().returnRisk();
    List<TableDef> writes = new ArrayList<>(List.of(ReturnRiskTables.values()));
    writes.add(ScoreTable.RETURN_RISK);
    writes.add(ScoreTable.MODEL_VERSIONS);
    return p.step(
        "return-risk",
        day,
        writes,
        () -> {
          Lake lake = p.lake();
          // The snapshot as of D+1 holds everything visible by the end of D.
          LocalDate asOf = day.plusDays(1);
          Dataset<Row> examples =
              TrainingSet.returnRisk(lake, asOf, s.labelDays(), p.config().governance())
                  .persist(StorageLevel.MEMORY_AND_DISK());
          try {
            Optional<String> why = ReturnRisk.whyNoModel(examples, s);
            if (why.isPresent()) {
              LOG.warn("return-risk {}: no model: {}", day, why.get());
              clear(lake, day, writes);
              return new Outcome(Optional.empty(), why.get());
            }
            Dataset<Row> open = TrainingSet.returnRiskToScore(lake, asOf.minusDays(s.labelDays()));
            return new Outcome(Optional.of(train(p, day, s, examples, open)), null);
          } finally {
            examples.unpersist();
          }
        },
        r -> describe(p.lake(), day, r));
  }

  private static ReturnRiskResult train(
      Pipeline p, LocalDate day, ReturnRiskSettings s, Dataset<Row> examples, Dataset<Row> open) {
    Lake lake = p.lake();
    ReturnRiskResult r = ReturnRisk.run(examples, open, s, day);
    lake.replacePartition(ReturnRiskTables.RETURN_RISK_MODEL, day, r.modelRows());
    lake.replacePartition(ReturnRiskTables.RETURN_RISK_METRICS, day, r.metricRows());
    lake.replacePartition(ReturnRiskTables.RETURN_RISK_RELIABILITY, day, r.reliabilityRows());
    lake.replacePartition(ReturnRiskTables.RETURN_RISK_FAIRNESS, day, r.fairnessRows());
    r.warnings().forEach(w -> LOG.warn("return-risk {}: {}", day, w));
    if (r.gatePassed()) {
      lake.replacePartition(ScoreTable.RETURN_RISK, day, r.scores());
      lake.replaceWhere(
          ScoreTable.MODEL_VERSIONS,
          MODEL_ROW.formatted(day),
          p.spark()
              .createDataFrame(
                  List.of(RowFactory.create("return_risk", r.model().version(), Date.valueOf(day))),
                  ScoreTable.MODEL_VERSIONS.schema()));
    }
    return r;
  }

  /**
   * No model for the date: whatever an earlier run of it wrote goes, so nothing stale is served.
   */
  private static void clear(Lake lake, LocalDate day, List<TableDef> writes) {
    for (TableDef t : writes) {
      String predicate =
          t == ScoreTable.MODEL_VERSIONS
              ? MODEL_ROW.formatted(day)
              : "run_date = DATE'" + day + "'";
      lake.deleteWhere(t, predicate);
    }
  }

  private static Pipeline.StepResult describe(Lake lake, LocalDate day, Outcome o) {
    Map<String, Long> c = new LinkedHashMap<>();
    if (o.trained().isEmpty()) {
      c.put("evaluated_lines", 0L);
      c.put("scored_lines", 0L);
      return new Pipeline.StepResult(c, o.summary());
    }
    ReturnRiskResult r = o.trained().get();
    c.put("evaluated_lines", r.evaluation().lines());
    c.put(
        "scored_lines",
        r.gatePassed()
            ? lake.read(ScoreTable.RETURN_RISK).where("run_date = DATE'" + day + "'").count()
            : 0L);
    return new Pipeline.StepResult(c, o.summary(), !r.gatePassed());
  }
}
