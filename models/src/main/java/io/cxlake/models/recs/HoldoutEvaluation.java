package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The evaluation protocol of {@code eval recs}: split the rows (user_id, item_id, strength and, for
 * a time split, ts) into train and test; split train the same way into fit and validation; tune on
 * validation (ALS hyper-parameters, the item-item variant, the blend weights); refit on all of
 * train with what was chosen; score the model, its layers and popularity on test. The blend gives
 * users without training history the popular list, as the pipeline's blender does.
 */
public final class HoldoutEvaluation {
  public static final String ALS = "als";
  public static final String ITEM_ITEM = "item-item";
  public static final String BLEND = "blend";

  /** What to evaluate and how. */
  public record Options(
      String model,
      Splits.Spec split,
      long seed,
      int k,
      boolean excludeSeen,
      boolean tune,
      AlsTuning.Grid alsGrid,
      ItemItem.Settings itemItem) {
    public Options {
      model = model.toLowerCase(Locale.ROOT);
      if (!List.of(ALS, ITEM_ITEM, BLEND).contains(model)) {
        throw new IllegalArgumentException("unknown model '" + model + "' (als, item-item, blend)");
      }
    }
  }

  /** Metrics per evaluated model ("model", "popularity", and the blend's layers), params, sizes. */
  public record Report(
      Map<String, RankingEvaluation.Result> results,
      Map<String, String> params,
      Map<String, Long> sizes) {}

  private HoldoutEvaluation() {}

  public static Report run(Dataset<Row> rows, Options o) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    Splits.Split s = Splits.split(rows, o.split(), "ts", o.seed());
    Dataset<Row> train = aggregate(s.train()).cache();
    Dataset<Row> test = s.test().select("user_id", "item_id").distinct().cache();
    sizes.put("rows", rows.count());
    sizes.put("train_pairs", train.count());
    sizes.put("test_pairs", test.count());
    sizes.put("train_users", train.select("user_id").distinct().count());
    sizes.put("train_items", train.select("item_id").distinct().count());

    Map<String, String> params = new LinkedHashMap<>();
    AlsParams alsParams = AlsParams.DEFAULT;
    ItemItem.Settings iiSettings = o.itemItem();
    double[] weights = {0.5, 0.5};
    boolean wantAls = !o.model().equals(ITEM_ITEM);
    boolean wantItemItem = !o.model().equals(ALS);
    if (o.tune()) {
      Splits.Split v = Splits.split(s.train(), o.split(), "ts", o.seed() + 1);
      Dataset<Row> fit = aggregate(v.train()).cache();
      Dataset<Row> validation = v.test().select("user_id", "item_id").distinct().cache();
      List<CollaborativeModel> layers = new ArrayList<>();
      if (wantAls) {
        AlsTuning.Outcome t =
            AlsTuning.tune(fit, validation, AlsParams.DEFAULT, o.alsGrid(), o.k(), o.excludeSeen());
        alsParams = t.best();
        params.put("als.validation_ndcg", fmt(t.ndcg()));
        params.put("als.trials", Integer.toString(t.trials().size()));
        layers.add(Als.fit(fit, alsParams));
      }
      if (wantItemItem) {
        ItemItem.Choice c = ItemItem.choose(fit, validation, iiSettings, o.k(), o.excludeSeen());
        iiSettings = c.settings();
        c.notes().forEach((key, val) -> params.put("item_item." + key, val));
        layers.add(ItemItem.fit(fit, iiSettings));
      }
      if (layers.size() > 1) {
        CollaborativeBlend b =
            CollaborativeBlend.tune(layers, fit, validation, o.k(), o.excludeSeen(), 50, 0.1);
        weights = b.weights();
        params.put("blend.validation_ndcg", b.params().get("validation_ndcg_at_" + o.k()));
      }
      fit.unpersist();
      validation.unpersist();
    }

    Map<String, RankingEvaluation.Result> results = new LinkedHashMap<>();
    List<CollaborativeModel> layers = new ArrayList<>();
    if (wantAls) {
      layers.add(Als.fit(train, alsParams));
    }
    if (wantItemItem) {
      layers.add(ItemItem.fit(train, iiSettings));
    }
    Popularity popularity = Popularity.fit(train);
    CollaborativeModel model = layers.get(0);
    if (layers.size() > 1) {
      CollaborativeBlend blend = new CollaborativeBlend(layers, weights, 50);
      blend.params().forEach((key, val) -> params.put("blend." + key, val));
      model = new WithFallback(blend, popularity);
      params.put("blend.fallback", "popularity, for users without training history");
    }
    for (CollaborativeModel m : layers) {
      m.params().forEach((key, val) -> params.putIfAbsent(m.layer() + "." + key, val));
    }
    results.put("model", RankingEvaluation.of(model, train, test, o.k(), o.excludeSeen()));
    results.put(
        "popularity", RankingEvaluation.of(popularity, train, test, o.k(), o.excludeSeen()));
    if (layers.size() > 1) {
      for (CollaborativeModel m : layers) {
        results.put(m.layer(), RankingEvaluation.of(m, train, test, o.k(), o.excludeSeen()));
      }
    }
    train.unpersist();
    test.unpersist();
    return new Report(results, params, sizes);
  }

  /** One row per (user, item): strengths summed. */
  static Dataset<Row> aggregate(Dataset<Row> rows) {
    return rows.groupBy("user_id", "item_id").agg(sum(col("strength")).as("strength"));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
