package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.min;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig.RecsSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.models.recs.LayerMetrics;
import io.cxlake.models.recs.ModelStore;
import io.cxlake.models.recs.Recommender;
import io.cxlake.models.recs.RecsEvaluation;
import io.cxlake.models.recs.RecsTable;
import io.cxlake.models.recs.WeightTuner;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import io.cxlake.models.registry.RegistryTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains the recommenders for run-date D on the time-based holdout (fit before the cut-off, test on
 * the days after), writes recs_metrics, stores the model and registers it as a challenger: it
 * becomes the champion only if its blend beats popularity on nDCG@k and is not worse than the
 * champion's blend on the same holdout by more than recs.tolerance.
 */
public final class RecsTraining {
  private static final Logger LOG = LoggerFactory.getLogger(RecsTraining.class);

  static final List<TableDef> WRITES =
      List.of(RecsTable.RECS_METRICS, RegistryTable.MODEL_REGISTRY);

  /** What training did: the holdout's metrics and the gate's decision, or why there is no model. */
  public record Outcome(
      Optional<RecsEvaluation.Result> metrics,
      Optional<ChampionGate.Decision> decision,
      String version,
      String noModel) {
    public String summary() {
      if (metrics.isEmpty()) {
        return "no model: " + noModel;
      }
      RecsEvaluation.Result m = metrics.get();
      return String.format(
          java.util.Locale.ROOT,
          "%s ndcg@%d blend %.4f vs popular %.4f; %s: %s",
          version,
          m.blend().k(),
          m.blend().ndcgAtK(),
          m.popular().ndcgAtK(),
          decision.get().promote() ? "champion" : "challenger kept out",
          decision.get().reason());
    }
  }

  private RecsTraining() {}

  /** The step's body (no ledger row of its own): for train recs and the nightly recs step. */
  static Outcome train(Pipeline p, LocalDate day) {
    Lake lake = p.lake();
    RecsSettings s = p.config().recs();
    RecsData.Holdout h = RecsData.holdout(p, day);
    if (h.train().interactions().isEmpty()) {
      return clear(lake, day, "no interactions visible before the holdout's cut-off " + h.cutoff());
    }
    if (h.relevant()
        .join(h.train().users().where(col("personalise")), "user_id", "left_semi")
        .isEmpty()) {
      return clear(
          lake,
          day,
          "no personalised user interacted with an item from " + h.cutoff() + " to " + day);
    }
    ModelRegistry registry = new ModelRegistry(lake);
    ModelStore store = new ModelStore(p.spark(), lake.root());
    Optional<ModelRegistry.Event> champion = registry.champion(ModelStore.MODEL);
    Optional<Map<String, Double>> championWeights =
        champion.flatMap(c -> store.weights(c.version()));
    String version = ModelVersion.versionFor(ModelStore.MODEL, day);
    Optional<WeightTuner.Result> tuned = s.tuneWeights() ? tune(p, h) : Optional.empty();
    try (Recommender r = Recommender.fit(h.train(), s, RecsLayers.trainers(p.config()))) {
      Map<String, Double> weights = tuned.map(WeightTuner.Result::weights).orElse(r.weights());
      RecsEvaluation.Result m =
          RecsEvaluation.run(r, h.relevant(), weights, championWeights, s.k());
      m.all().forEach(x -> LOG.info("recs {} holdout: {}", day, x.line()));
      lake.replacePartition(RecsTable.RECS_METRICS, day, m.rows(p.spark(), day));
      String metric = "ndcg_at_" + s.k();
      OptionalDouble championScore =
          m.champion().isPresent()
              ? OptionalDouble.of(m.champion().get().ndcgAtK())
              : champion
                  .map(c -> c.metrics().get(metric))
                  .map(OptionalDouble::of)
                  .orElse(OptionalDouble.empty());
      ChampionGate.Decision d =
          ChampionGate.decide(
              metric, m.blend().ndcgAtK(), m.popular().ndcgAtK(), championScore, s.tolerance());
      ModelVersion v =
          new ModelVersion(
              ModelStore.MODEL,
              version,
              day,
              params(r, weights),
              metrics(m),
              trainFrom(lake),
              h.cutoff().minusDays(1),
              featureVersions(lake));
      store.save(v, weights, r.content());
      registry.record(v, d);
      LOG.info("recs {}: {}", day, d.reason());
      return new Outcome(Optional.of(m), Optional.of(d), version, null);
    }
  }

  /**
   * Weights tuned on the validation split before the holdout's cut-off; empty (the configured
   * weights stand) when that split has no training data or no personalised user in its window.
   */
  private static Optional<WeightTuner.Result> tune(Pipeline p, RecsData.Holdout h) {
    RecsSettings s = p.config().recs();
    RecsData.Holdout v = RecsData.validation(p, h);
    if (v.train().interactions().isEmpty()) {
      LOG.warn("recs: no data before {} to tune the weights on; configured weights", v.cutoff());
      return Optional.empty();
    }
    try (Recommender r = Recommender.fit(v.train(), s, RecsLayers.trainers(p.config()))) {
      WeightTuner.Result t = r.tune(v.relevant(), r.weights(), s.tuneUsers());
      LOG.info(
          "recs: weights tuned on {}..{}: {} (ndcg@{} {} from {})",
          v.cutoff(),
          h.cutoff().minusDays(1),
          t.weights(),
          s.k(),
          t.ndcg(),
          t.startNdcg());
      return Optional.of(t);
    }
  }

  private static Outcome clear(Lake lake, LocalDate day, String why) {
    LOG.warn("recs {}: no model: {}", day, why);
    lake.deleteWhere(RecsTable.RECS_METRICS, "run_date = DATE'" + day + "'");
    return new Outcome(Optional.empty(), Optional.empty(), null, why);
  }

  private static Map<String, String> params(Recommender r, Map<String, Double> weights) {
    Map<String, String> p = new LinkedHashMap<>(r.params());
    weights.forEach((k, w) -> p.put("weight." + k, String.valueOf(w)));
    return p;
  }

  /** Per layer (and the blend) its metrics, the blend's also without prefix for the gate. */
  private static Map<String, Double> metrics(RecsEvaluation.Result m) {
    Map<String, Double> out = new LinkedHashMap<>();
    LayerMetrics b = m.blend();
    put(out, "", b);
    for (LayerMetrics l : m.all()) {
      put(out, l.layer() + ".", l);
    }
    return out;
  }

  private static void put(Map<String, Double> out, String prefix, LayerMetrics l) {
    int k = l.k();
    out.put(prefix + "precision_at_" + k, l.precisionAtK());
    out.put(prefix + "recall_at_" + k, l.recallAtK());
    out.put(prefix + "ndcg_at_" + k, l.ndcgAtK());
    out.put(prefix + "map_at_" + k, l.mapAtK());
    out.put(prefix + "coverage", l.coverage());
    out.put(prefix + "users", (double) l.users());
  }

  private static LocalDate trainFrom(Lake lake) {
    Row r = lake.read(Table.EVENTS).agg(min("event_date")).head();
    return r.isNullAt(0) ? null : ((Date) r.get(0)).toLocalDate();
  }

  private static Map<String, Long> featureVersions(Lake lake) {
    Map<String, Long> v = new LinkedHashMap<>();
    lake.versions(
            List.of(
                Table.EVENTS,
                Table.ITEMS,
                Table.CUSTOMERS,
                FeatureTable.INTERACTIONS,
                FeatureTable.COVISITATION_DAILY))
        .forEach((t, n) -> v.put(t.shortName(), n));
    return v;
  }
}
