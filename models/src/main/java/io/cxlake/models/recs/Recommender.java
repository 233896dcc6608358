package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.config.CxConfig.RecsSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * The layers fitted on one {@link RecsInputs}: content similarity, the popular lists, and each
 * layer's candidates (collaborative layers only for users with at least {@code recs.min-history}
 * interactions). {@link #recommend} blends them with a set of weights, so the holdout can score
 * each layer alone, the blend and the champion's blend from one fit.
 */
public final class Recommender implements AutoCloseable {
  private final RecsInputs in;
  private final RecsSettings s;
  private final Dataset<Row> users;
  private final Dataset<Row> eligible;
  private final Dataset<Row> bought;
  private final Dataset<Row> content;
  private final Dataset<Row> popular;
  private final List<Candidates> layers = new ArrayList<>();
  private final Map<String, String> params = new LinkedHashMap<>();
  private final List<Dataset<Row>> cached = new ArrayList<>();

  private Recommender(RecsInputs given, RecsSettings s, List<CollaborativeTrainer> trainers) {
    // Each input feeds several layers: read (and, for the holdout, compute) each once.
    this.in =
        new RecsInputs(
            cache(given.interactions()),
            cache(given.covisitation()),
            cache(given.items()),
            given.users(),
            given.asOf());
    this.s = s;
    this.users = cache(in.users());
    this.eligible = cache(in.eligibleItems(s));
    Dataset<Row> b = in.bought(s);
    this.bought = b == null ? null : cache(b);
    this.content = cache(ContentSimilarity.of(in.items(), s.similarItems(), s.contentFeatures()));
    this.popular =
        cache(
            PopularLists.of(
                in.interactions(),
                users,
                eligible,
                Math.max(Math.max(s.popularItems(), s.candidates()), s.k())));
    Dataset<Row> enough =
        in.interactions()
            .groupBy("user_id")
            .agg(count(lit(1)).as("n"))
            .where(col("n").geq(s.minHistory()))
            .select("user_id")
            .join(users.where(col("personalise")).select("user_id"), "user_id", "left_semi");
    Dataset<Row> strengths = in.interactions().select("user_id", "item_id", "strength");
    for (CollaborativeTrainer t : trainers) {
      CollaborativeModel m = t.fit(strengths);
      t.params().forEach((k, v) -> params.put(t.layer() + "." + k, v));
      layers.add(
          new Candidates(
              m.layer(),
              cache(
                  m.recommend(enough, s.candidates(), bought)
                      .select("user_id", "item_id", "score"))));
    }
    layers.add(cached(HistoryLayers.content(in.interactions(), content, s.candidates())));
    layers.add(
        cached(
            HistoryLayers.session(
                in.interactions(),
                in.covisitation(),
                in.asOf(),
                s.sessionWindowDays(),
                s.candidates())));
    params.put("k", String.valueOf(s.k()));
    params.put("candidates", String.valueOf(s.candidates()));
    params.put("min_history", String.valueOf(s.minHistory()));
    params.put("session_window_days", String.valueOf(s.sessionWindowDays()));
    params.put("similar_items", String.valueOf(s.similarItems()));
    params.put("content_features", String.valueOf(s.contentFeatures()));
    params.put("exclude_bought", String.valueOf(s.excludeBought()));
  }

  public static Recommender fit(
      RecsInputs in, RecsSettings s, List<CollaborativeTrainer> trainers) {
    return new Recommender(in, s, trainers);
  }

  /** The layers' names, collaborative first, then content and session (popular is always there). */
  public List<String> layerNames() {
    List<String> n = new ArrayList<>();
    layers.forEach(c -> n.add(c.layer()));
    n.add(Candidates.POPULAR);
    return n;
  }

  /** The blend weights of the settings for the layers fitted. */
  public Map<String, Double> weights() {
    Map<String, Double> w = new LinkedHashMap<>();
    layerNames().forEach(l -> w.put(l, s.weight(l)));
    return w;
  }

  /** The top K per user of {@link #users()} blended with these weights. */
  public Dataset<Row> recommend(Map<String, Double> weights) {
    return recommend(weights, users);
  }

  public Dataset<Row> recommend(Map<String, Double> weights, Dataset<Row> users) {
    return Blender.blend(layers, weights, popular, users, eligible, bought, s.k(), s.candidates());
  }

  /**
   * Blend weights tuned on {@code relevant} ({@code user_id, item_id} after this fit's as-of date),
   * starting from {@code start}, over at most {@code maxUsers} of the personalised users with a
   * relevant item (chosen by a hash of their id, so reruns choose the same).
   */
  public WeightTuner.Result tune(Dataset<Row> relevant, Map<String, Double> start, int maxUsers) {
    Dataset<Row> sample =
        relevant
            .select("user_id")
            .distinct()
            .join(users.where(col("personalise")), "user_id", "left_semi")
            .orderBy(org.apache.spark.sql.functions.hash(col("user_id")), col("user_id"))
            .limit(maxUsers)
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<String> names = layerNames();
      Map<String, Map<String, double[]>> byUser = new java.util.HashMap<>();
      for (Row r :
          Blender.evidence(layers, popular, users, eligible, bought, s.candidates())
              .join(sample, "user_id", "left_semi")
              .collectAsList()) {
        int i = names.indexOf(r.getString(2));
        byUser.computeIfAbsent(r.getString(0), x -> new java.util.HashMap<>())
                .computeIfAbsent(r.getString(1), x -> new double[names.size()])[i] =
            r.getDouble(3);
      }
      Map<String, java.util.Set<String>> rel = new java.util.HashMap<>();
      for (Row r :
          relevant
              .join(sample, "user_id", "left_semi")
              .select("user_id", "item_id")
              .collectAsList()) {
        rel.computeIfAbsent(r.getString(0), x -> new java.util.HashSet<>()).add(r.getString(1));
      }
      Map<String, List<WeightTuner.Candidate>> cands = new java.util.HashMap<>();
      byUser.forEach(
          (u, items) -> {
            List<WeightTuner.Candidate> l = new ArrayList<>();
            items.forEach((item, x) -> l.add(new WeightTuner.Candidate(item, x)));
            cands.put(u, l);
          });
      return WeightTuner.tune(names, cands, rel, start, s.k());
    } finally {
      sample.unpersist();
    }
  }

  /** One layer alone, through the same filters (its users without candidates get nothing). */
  public Dataset<Row> single(String layer) {
    return recommend(Map.of(layer, 1.0), users.withColumn("personalise", lit(true)));
  }

  /** One layer's candidates ({@code user_id, item_id, score}), before the blend's filters. */
  public Dataset<Row> candidates(String layer) {
    return layers.stream()
        .filter(c -> c.layer().equals(layer))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no layer " + layer))
        .rows();
  }

  /** Every user to recommend for ({@code user_id, region, personalise}), cached. */
  public Dataset<Row> users() {
    return users;
  }

  public Dataset<Row> popular() {
    return popular;
  }

  public Dataset<Row> eligible() {
    return eligible;
  }

  public Dataset<Row> content() {
    return content;
  }

  /** similar_items: content and co-visitation neighbours of every item. */
  public Dataset<Row> similarItems() {
    return SimilarItems.of(content, in.covisitation(), eligible, s.similarItems());
  }

  /** The hyper-parameters of the fit (not the weights), for the registry. */
  public Map<String, String> params() {
    return Map.copyOf(params);
  }

  private Candidates cached(Candidates c) {
    return new Candidates(c.layer(), cache(c.rows()));
  }

  private Dataset<Row> cache(Dataset<Row> d) {
    Dataset<Row> p = d.persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(p);
    return p;
  }

  @Override
  public void close() {
    cached.forEach(Dataset::unpersist);
  }
}
