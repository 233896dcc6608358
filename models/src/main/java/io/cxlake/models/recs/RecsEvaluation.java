package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The time-based holdout: a {@link Recommender} fitted on what was visible before the cut-off, each
 * layer alone, the blend, and (when given) the champion's blend scored against what each
 * personalised user interacted with afterwards.
 */
public final class RecsEvaluation {
  public static final String BLEND = "blend";
  public static final String CHAMPION = "champion";

  /** The metrics of every layer, the blend, and the champion's weights if any. */
  public record Result(
      List<LayerMetrics> layers, LayerMetrics blend, Optional<LayerMetrics> champion) {
    public LayerMetrics layer(String name) {
      return layers.stream()
          .filter(m -> m.layer().equals(name))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException("no layer " + name));
    }

    public LayerMetrics popular() {
      return layer(Candidates.POPULAR);
    }

    public List<LayerMetrics> all() {
      List<LayerMetrics> a = new ArrayList<>(layers);
      a.add(blend);
      champion.ifPresent(a::add);
      return a;
    }

    /** Rows of the recs_metrics table for the run date. */
    public Dataset<Row> rows(SparkSession spark, LocalDate runDate) {
      List<Row> rows = new ArrayList<>();
      for (LayerMetrics m : all()) {
        rows.add(
            RowFactory.create(
                Date.valueOf(runDate),
                m.layer(),
                m.k(),
                m.precisionAtK(),
                m.recallAtK(),
                m.ndcgAtK(),
                m.mapAtK(),
                m.coverage(),
                m.users()));
      }
      return spark.createDataFrame(rows, RecsTable.RECS_METRICS.schema());
    }
  }

  private RecsEvaluation() {}

  /**
   * @param relevant {@code user_id, item_id} interacted with in the test window
   * @param champion the champion's blend weights, if there is a champion to compare with
   */
  public static Result run(
      Recommender r,
      Dataset<Row> relevant,
      Map<String, Double> weights,
      Optional<Map<String, Double>> champion,
      int k) {
    Dataset<Row> evaluated = r.users().where(col("personalise")).select("user_id");
    Dataset<Row> rel =
        relevant
            .join(evaluated, "user_id", "left_semi")
            .persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
    try {
      return run(r, rel, evaluated, weights, champion, k);
    } finally {
      rel.unpersist();
    }
  }

  private static Result run(
      Recommender r,
      Dataset<Row> relevant,
      Dataset<Row> evaluated,
      Map<String, Double> weights,
      Optional<Map<String, Double>> champion,
      int k) {
    long catalog = r.eligible().count();
    Map<String, Dataset<Row>> lists = new java.util.LinkedHashMap<>();
    for (String layer : r.layerNames()) {
      lists.put(layer, r.single(layer));
    }
    lists.put(BLEND, r.recommend(weights));
    champion.ifPresent(w -> lists.put(CHAMPION, r.recommend(w)));
    List<LayerMetrics> all = HoldoutMetrics.of(lists, relevant, evaluated, k, catalog);
    int n = r.layerNames().size();
    List<LayerMetrics> layers = new ArrayList<>(all.subList(0, n));
    LayerMetrics blend = all.get(n);
    Optional<LayerMetrics> champ =
        champion.isPresent() ? Optional.of(all.get(n + 1)) : Optional.empty();
    return new Result(layers, blend, champ);
  }
}
