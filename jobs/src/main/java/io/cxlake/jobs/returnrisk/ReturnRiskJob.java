package io.cxlake.jobs.returnrisk;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;

import io.cxlake.features.FeatureTable;
import io.cxlake.features.TrainingSet;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig.ReturnRiskSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import io.cxlake.models.registry.RegistryTable;
import io.cxlake.models.returnrisk.ReturnRisk;
import io.cxlake.models.returnrisk.ReturnRiskModel;
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
import java.util.OptionalDouble;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The return-risk steps: train (fit, evaluate, register, gate against the baseline and the
 * champion) and score (the open lines of the date, by the registry's champion), and both in one
 * step for the nightly. The gate metric is AUC-ROC on the newest labelled lines.
 */
public final class ReturnRiskJob {
  private static final Logger LOG = LoggerFactory.getLogger(ReturnRiskJob.class);
  private static final String MODEL_ROW =
      "run_date = DATE'%s' AND model = '" + ReturnRisk.MODEL + "'";
  static final String GATE_METRIC = "auc_roc";

  private ReturnRiskJob() {}

  /** What training did: the trained model and the gate's decision, or why there is no model yet. */
  public record Trained(
      Optional<ReturnRiskResult> result, ChampionGate.Decision decision, String noModel) {
    public boolean promoted() {
      return result.isPresent() && decision.promote();
    }

    public String summary() {
      return result
          .map(
              r ->
                  r.summary()
                      + "; "
                      + (decision.promote() ? "champion: " : "not promoted: ")
                      + decision.reason())
          .orElse("no model: " + noModel);
    }
  }

  /** What scoring did: the version that scored and how many lines, or why nothing was scored. */
  public record Scored(Optional<String> version, long lines, String why) {
    public String summary() {
      return version
          .map(v -> lines + " open lines scored by " + v)
          .orElse("nothing scored: " + why);
    }
  }

  /** Both halves, as the nightly's return-risk step sees them. */
  public record Outcome(Trained trained, Optional<Scored> scored) {
    public String summary() {
      return trained.summary() + scored.map(s -> "; " + s.summary()).orElse("");
    }
  }

  static List<TableDef> trainWrites() {
    List<TableDef> w = new ArrayList<>(List.of(ReturnRiskTables.values()));
    w.add(RegistryTable.MODEL_REGISTRY);
    return w;
  }

  static List<TableDef> scoreWrites() {
    return List.of(ScoreTable.RETURN_RISK, ScoreTable.MODEL_VERSIONS);
  }

  /** The ledger step {@code return-risk-train}. A rejected model blocks (exit 3). */
  public static Trained trainStep(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "return-risk-train",
        day,
        trainWrites(),
        () -> train(p, day),
        t -> describe(p, day, t, null));
  }

  /** The ledger step {@code return-risk-score}: the champion scores the date's open lines. */
  public static Scored scoreStep(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "return-risk-score",
        day,
        scoreWrites(),
        () -> score(p, day),
        s -> new Pipeline.StepResult(Map.of("scored_lines", s.lines()), s.summary()));
  }

  /**
   * The nightly's step {@code return-risk}: train, then, when the new model was promoted or none
   * could be trained yet, score with the champion. A rejected model writes its evaluation and the
   * rejection, scores nothing and blocks the run, so the served version stays.
   */
  public static Outcome step(Pipeline p, LocalDate day) throws Exception {
    List<TableDef> writes = new ArrayList<>(trainWrites());
    writes.addAll(scoreWrites());
    return p.step(
        "return-risk",
        day,
        writes,
        () -> {
          Trained t = train(p, day);
          if (t.result().isPresent() && !t.promoted()) {
            clearScores(p.lake(), day);
            return new Outcome(t, Optional.empty());
          }
          return new Outcome(t, Optional.of(score(p, day)));
        },
        o -> describe(p, day, o.trained(), o.scored().orElse(null)));
  }

  static Trained train(Pipeline p, LocalDate day) {
    ReturnRiskSettings s = p.config().returnRisk();
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
        for (TableDef t : ReturnRiskTables.values()) {
          lake.deleteWhere(t, "run_date = DATE'" + day + "'");
        }
        return new Trained(
            Optional.empty(), new ChampionGate.Decision(false, why.get()), why.get());
      }
      ReturnRiskResult r = ReturnRisk.train(examples, s, day);
      lake.replacePartition(ReturnRiskTables.RETURN_RISK_MODEL, day, r.modelRows());
      lake.replacePartition(ReturnRiskTables.RETURN_RISK_METRICS, day, r.metricRows());
      lake.replacePartition(ReturnRiskTables.RETURN_RISK_RELIABILITY, day, r.reliabilityRows());
      lake.replacePartition(ReturnRiskTables.RETURN_RISK_FAIRNESS, day, r.fairnessRows());
      lake.replacePartition(ReturnRiskTables.RETURN_RISK_ROC, day, r.rocRows());
      r.warnings().forEach(w -> LOG.warn("return-risk {}: {}", day, w));
      ChampionGate.Decision d = gate(p, r);
      new ModelRegistry(lake).record(registered(lake, day, s, r, examples), d);
      LOG.info("return-risk {}: {} {}", day, d.promote() ? "promoted:" : "rejected:", d.reason());
      return new Trained(Optional.of(r), d, null);
    } finally {
      examples.unpersist();
    }
  }

  /**
   * The model may serve only if its own checks passed (it beats the naive baseline; fairness, when
   * it blocks); then it must not trail the champion by more than the configured tolerance.
   */
  private static ChampionGate.Decision gate(Pipeline p, ReturnRiskResult r) {
    if (!r.gatePassed()) {
      return new ChampionGate.Decision(false, String.join("; ", r.warnings()));
    }
    OptionalDouble champion =
        new ModelRegistry(p.lake())
            .champion(ReturnRisk.MODEL)
            .filter(e -> !e.version().equals(r.model().version()))
            .map(e -> e.metrics().get(GATE_METRIC))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty());
    return ChampionGate.decide(
        GATE_METRIC,
        r.evaluation().model().get(GATE_METRIC),
        r.evaluation().baseline().get(GATE_METRIC),
        champion,
        p.config().gates().championTolerance());
  }

  private static ModelVersion registered(
      Lake lake, LocalDate day, ReturnRiskSettings s, ReturnRiskResult r, Dataset<Row> examples) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("label_days", String.valueOf(s.labelDays()));
    params.put("reg_param", String.valueOf(s.regParam()));
    params.put("min_category_count", String.valueOf(s.minCategoryCount()));
    params.put("calibration_share", String.valueOf(s.calibrationShare()));
    params.put("test_share", String.valueOf(s.testShare()));
    Map<String, Double> metrics = new LinkedHashMap<>(r.evaluation().model());
    r.evaluation().baseline().forEach((k, v) -> metrics.put("baseline_" + k, v));
    metrics.put("fairness_gap", r.fairness().gap());
    Row range = examples.agg(min(col("order_date")), max(col("order_date"))).head();
    Map<String, Long> features = new LinkedHashMap<>();
    for (FeatureTable t : List.of(FeatureTable.ORDER_LINE_FEATURES, FeatureTable.USER_FEATURES)) {
      features.put(t.shortName(), lake.version(t));
    }
    return new ModelVersion(
        ReturnRisk.MODEL,
        r.model().version(),
        day,
        params,
        metrics,
        range.getDate(0).toLocalDate(),
        range.getDate(1).toLocalDate(),
        features);
  }

  /** Scores the open lines of {@code day} with the champion, or says why there is none. */
  static Scored score(Pipeline p, LocalDate day) {
    Lake lake = p.lake();
    ReturnRiskSettings s = p.config().returnRisk();
    Optional<String> champion =
        new ModelRegistry(lake).champion(ReturnRisk.MODEL).map(ModelRegistry.Event::version);
    if (champion.isEmpty()) {
      clearScores(lake, day);
      return new Scored(Optional.empty(), 0, "return_risk has no champion yet");
    }
    String version = champion.get();
    List<Row> rows =
        lake.read(ReturnRiskTables.RETURN_RISK_MODEL)
            .where(col("version").equalTo(version))
            .collectAsList();
    ReturnRiskModel model = ReturnRiskModel.fromRows(version, rows);
    Dataset<Row> open =
        TrainingSet.returnRiskToScore(lake, day.plusDays(1).minusDays(s.labelDays()));
    long n =
        lake.replacePartition(ScoreTable.RETURN_RISK, day, ReturnRisk.score(model, open, s, day));
    lake.replaceWhere(
        ScoreTable.MODEL_VERSIONS,
        MODEL_ROW.formatted(day),
        p.spark()
            .createDataFrame(
                List.of(RowFactory.create(ReturnRisk.MODEL, version, Date.valueOf(day))),
                ScoreTable.MODEL_VERSIONS.schema()));
    return new Scored(Optional.of(version), n, null);
  }

  /** Nothing stale is served for a date whose scoring did not run. */
  private static void clearScores(Lake lake, LocalDate day) {
    lake.deleteWhere(ScoreTable.RETURN_RISK, "run_date = DATE'" + day + "'");
    lake.deleteWhere(ScoreTable.MODEL_VERSIONS, MODEL_ROW.formatted(day));
  }

  private static Pipeline.StepResult describe(Pipeline p, LocalDate day, Trained t, Scored s) {
    Map<String, Long> c = new LinkedHashMap<>();
    c.put("evaluated_lines", t.result().map(r -> r.evaluation().lines()).orElse(0L));
    c.put("scored_lines", s == null ? 0L : s.lines());
    String message = t.summary() + (s == null ? "" : "; " + s.summary());
    boolean blocked = t.result().isPresent() && !t.promoted();
    return new Pipeline.StepResult(c, message, blocked);
  }
}
