package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig.RecsSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.TableDef;
import io.cxlake.models.recs.Candidates;
import io.cxlake.models.recs.CollaborativeTrainer;
import io.cxlake.models.recs.ModelStore;
import io.cxlake.models.recs.Recommender;
import io.cxlake.models.recs.RecsInputs;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.RowFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores run-date D with the champion's recipe (its blend weights) refitted on everything visible
 * by the end of D: recommendations for every known user, the popular lists, similar_items, and the
 * version served in model_versions. Without a champion every user gets the popular list of their
 * region (model_version {@code popular}); without any interactions there is nothing to serve.
 */
public final class RecsScoring {
  private static final Logger LOG = LoggerFactory.getLogger(RecsScoring.class);
  static final String POPULAR_ONLY = "popular";
  private static final String MODEL_ROW = "run_date = DATE'%s' AND model = 'recs'";

  static final List<TableDef> WRITES =
      List.of(
          ScoreTable.RECOMMENDATIONS,
          ScoreTable.POPULAR,
          ScoreTable.SIMILAR_ITEMS,
          ScoreTable.MODEL_VERSIONS);

  /** What scoring wrote: the version served and the rows, or why nothing. */
  public record Outcome(String version, long users, long rows, String noModel) {
    public String summary() {
      return noModel != null
          ? "no model: " + noModel
          : "served " + version + ": " + rows + " recommendations for " + users + " users";
    }
  }

  private RecsScoring() {}

  static Outcome score(Pipeline p, LocalDate day) {
    Lake lake = p.lake();
    RecsSettings s = p.config().recs();
    RecsInputs in = RecsData.forScoring(p, day);
    if (in.interactions().isEmpty()) {
      String why = "no interactions visible by the end of " + day;
      LOG.warn("recs {}: no model: {}", day, why);
      for (TableDef t : WRITES) {
        lake.deleteWhere(
            t,
            t == ScoreTable.MODEL_VERSIONS
                ? MODEL_ROW.formatted(day)
                : "run_date = DATE'" + day + "'");
      }
      return new Outcome(null, 0, 0, why);
    }
    Optional<ModelRegistry.Event> champion = new ModelRegistry(lake).champion(ModelStore.MODEL);
    ModelStore store = new ModelStore(p.spark(), lake.root());
    Optional<Map<String, Double>> weights = champion.flatMap(c -> store.weights(c.version()));
    String version = weights.isPresent() ? champion.get().version() : POPULAR_ONLY;
    if (champion.isPresent() && weights.isEmpty()) {
      LOG.warn(
          "recs {}: champion {} has no model.json under {}; serving the popular lists",
          day,
          champion.get().version(),
          store.dir(champion.get().version()));
    }
    Date d = Date.valueOf(day);
    Map<String, Double> w = weights.orElse(Map.of(Candidates.POPULAR, 1.0));
    // Only the collaborative layers the served weights use are fitted.
    List<CollaborativeTrainer> trainers =
        RecsLayers.trainers(p.config()).stream()
            .filter(t -> w.getOrDefault(t.layer(), 0.0) > 0)
            .toList();
    try (Recommender r = Recommender.fit(in, s, trainers)) {
      long rows =
          lake.replacePartition(
              ScoreTable.RECOMMENDATIONS,
              day,
              r.recommend(w)
                  .withColumn("model_version", lit(version))
                  .withColumn("run_date", lit(d)));
      lake.replacePartition(
          ScoreTable.POPULAR,
          day,
          r.popular().where(col("rank").leq(s.popularItems())).withColumn("run_date", lit(d)));
      lake.replacePartition(
          ScoreTable.SIMILAR_ITEMS, day, r.similarItems().withColumn("run_date", lit(d)));
      lake.replaceWhere(
          ScoreTable.MODEL_VERSIONS,
          MODEL_ROW.formatted(day),
          p.spark()
              .createDataFrame(
                  List.of(RowFactory.create(ModelStore.MODEL, version, d)),
                  ScoreTable.MODEL_VERSIONS.schema()));
      long users =
          lake.read(ScoreTable.RECOMMENDATIONS)
              .where(col("run_date").equalTo(lit(d)))
              .select("user_id")
              .distinct()
              .count();
      return new Outcome(version, users, rows, null);
    }
  }
}
