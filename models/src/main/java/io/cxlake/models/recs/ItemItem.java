package io.cxlake.models.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sqrt;

import dev.ludovic.netlib.lapack.LAPACK;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.mllib.linalg.Matrix;
import org.apache.spark.mllib.linalg.Vector;
import org.apache.spark.mllib.linalg.Vectors;
import org.apache.spark.mllib.linalg.distributed.RowMatrix;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.netlib.util.intW;

/**
 * The item-item collaborative layer on binary user × item data. Two variants:
 *
 * <ul>
 *   <li><b>EASE</b> (Steck 2019): the closed-form ridge regression of each item on all others, B =
 *       I − P·diag(1/diag(P)) with P = (G + λI)⁻¹ and G = XᵀX the item Gram matrix. G comes from
 *       Spark ({@code RowMatrix.computeGramianMatrix}); the inverse is LAPACK's Cholesky ({@code
 *       dpotrf}/{@code dpotri}) on the driver, so only for catalogs up to {@link
 *       Settings#easeMaxItems()}.
 *   <li><b>item-kNN</b>: cosine similarity of items' user sets, the top N neighbours per item,
 *       computed with Spark (a self-join on users, each user's history capped); scales past that.
 * </ul>
 *
 * {@link #choose} picks the variant on validation nDCG@k and records the choice in {@link
 * #params()}.
 */
public final class ItemItem implements CollaborativeModel {
  public static final String LAYER = "item_item";
  public static final String EASE = "ease";
  public static final String KNN = "knn";

  /** Limits and hyper-parameters. */
  public record Settings(
      String variant, int easeMaxItems, double lambda, int neighbours, int maxUserItems) {
    public static final Settings DEFAULT = new Settings(null, 5000, 100.0, 100, 500);

    public Settings withVariant(String v) {
      return new Settings(v, easeMaxItems, lambda, neighbours, maxUserItems);
    }

    public Settings withLambda(double v) {
      return new Settings(variant, easeMaxItems, v, neighbours, maxUserItems);
    }
  }

  private final Settings settings;
  private final Dataset<Row> items; // item_id, iix
  private final Dataset<Row> history; // user_id, iix
  private final ItemWeights weights;
  private final Map<String, String> notes = new LinkedHashMap<>();

  private ItemItem(
      Settings settings, Dataset<Row> items, Dataset<Row> history, ItemWeights weights) {
    this.settings = settings;
    this.items = items;
    this.history = history;
    this.weights = weights;
  }

  /** Fits the variant of the settings (EASE when null and the catalog is small enough). */
  public static ItemItem fit(Dataset<Row> interactions, Settings s) {
    Dataset<Row> items = DenseIds.of(interactions, "item_id", "iix").cache();
    Dataset<Row> history =
        interactions
            .select("user_id", "item_id")
            .distinct()
            .join(items, "item_id")
            .select("user_id", "iix")
            .cache();
    int n = (int) items.count();
    String variant = s.variant() != null ? s.variant() : (n <= s.easeMaxItems() ? EASE : KNN);
    if (variant.equals(EASE) && n > s.easeMaxItems()) {
      throw new IllegalArgumentException(
          "EASE needs at most " + s.easeMaxItems() + " items (item-item.ease-max-items), got " + n);
    }
    ItemWeights w =
        variant.equals(EASE)
            ? ease(history, n, s.lambda())
            : knn(history, n, s.neighbours(), s.maxUserItems());
    return new ItemItem(s.withVariant(variant), items, history, w);
  }

  /**
   * Tries EASE (when the catalog fits) and item-kNN on {@code validation} and returns the settings
   * of the better by nDCG@k, with both scores in {@link #notes()} of the chosen fit.
   */
  public static Choice choose(
      Dataset<Row> train, Dataset<Row> validation, Settings s, int k, boolean excludeSeen) {
    Map<String, String> notes = new LinkedHashMap<>();
    long n = train.select("item_id").distinct().count();
    double knn =
        RankingEvaluation.of(fit(train, s.withVariant(KNN)), train, validation, k, excludeSeen)
            .ndcg();
    notes.put("validation_ndcg_knn", Double.toString(knn));
    if (n > s.easeMaxItems()) {
      notes.put("choice_reason", n + " items > ease-max-items " + s.easeMaxItems());
      return new Choice(s.withVariant(KNN), notes);
    }
    double ease =
        RankingEvaluation.of(fit(train, s.withVariant(EASE)), train, validation, k, excludeSeen)
            .ndcg();
    notes.put("validation_ndcg_ease", Double.toString(ease));
    notes.put("choice_reason", "higher validation nDCG@" + k);
    return new Choice(s.withVariant(ease >= knn ? EASE : KNN), notes);
  }

  /** The chosen settings and why. */
  public record Choice(Settings settings, Map<String, String> notes) {}

  /** Records an extra fact with the params. */
  public ItemItem note(String key, String value) {
    notes.put(key, value);
    return this;
  }

  public ItemItem noteAll(Map<String, String> m) {
    notes.putAll(m);
    return this;
  }

  @Override
  public String layer() {
    return LAYER;
  }

  @Override
  public Map<String, String> params() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("variant", settings.variant());
    m.put("ease_max_items", Integer.toString(settings.easeMaxItems()));
    if (settings.variant().equals(EASE)) {
      m.put("lambda", Double.toString(settings.lambda()));
    } else {
      m.put("neighbours", Integer.toString(settings.neighbours()));
      m.put("max_user_items", Integer.toString(settings.maxUserItems()));
    }
    m.put("items", Integer.toString(weights.items()));
    m.putAll(notes);
    return m;
  }

  @Override
  public Dataset<Row> recommend(Dataset<Row> users, int k, Dataset<Row> exclude) {
    Dataset<Row> rows =
        users
            .select("user_id")
            .distinct()
            .join(history, "user_id")
            .groupBy("user_id")
            .agg(collect_list("iix").as("hist"));
    if (exclude != null) {
      Dataset<Row> ex =
          exclude
              .select("user_id", "item_id")
              .join(items, "item_id")
              .groupBy("user_id")
              .agg(collect_list("iix").as("ex"));
      rows = rows.join(ex, "user_id", "left");
    } else {
      rows = rows.withColumn("ex", lit(null).cast("array<int>"));
    }
    return ItemScoring.topK(rows.select("user_id", "hist", "ex"), weights, k)
        .join(items, "iix")
        .select("user_id", "item_id", "score", "rank");
  }

  private static ItemWeights ease(Dataset<Row> history, int n, double lambda) {
    var rows =
        history
            .groupBy("user_id")
            .agg(collect_list("iix").as("h"))
            .select("h")
            .javaRDD()
            .map(
                r -> {
                  List<Integer> h = r.getList(0);
                  int[] idx = h.stream().mapToInt(Integer::intValue).sorted().toArray();
                  double[] ones = new double[idx.length];
                  java.util.Arrays.fill(ones, 1.0);
                  return (Vector) Vectors.sparse(n, idx, ones);
                });
    Matrix g = new RowMatrix(rows.rdd(), 0, n).computeGramianMatrix();
    double[] p = g.toArray(); // column-major n × n, symmetric
    for (int i = 0; i < n; i++) {
      p[i + i * n] += lambda;
    }
    intW info = new intW(0);
    LAPACK lapack = LAPACK.getInstance();
    lapack.dpotrf("U", n, p, n, info);
    if (info.val != 0) {
      throw new IllegalStateException(
          "EASE: G + λI is not positive definite (dpotrf " + info.val + ")");
    }
    lapack.dpotri("U", n, p, n, info);
    if (info.val != 0) {
      throw new IllegalStateException("EASE: cannot invert G + λI (dpotri " + info.val + ")");
    }
    // dpotri fills the upper triangle: P[i][j] = p[i + j·n] for i ≤ j. B[i][j] = −P[i][j] /
    // P[j][j].
    float[] w = new float[n * n];
    for (int j = 0; j < n; j++) {
      double pjj = p[j + j * n];
      for (int i = 0; i < n; i++) {
        if (i == j) {
          continue;
        }
        double pij = i <= j ? p[i + j * n] : p[j + i * n];
        w[i * n + j] = (float) (-pij / pjj);
      }
    }
    return new ItemWeights.Dense(n, w);
  }

  private static ItemWeights knn(Dataset<Row> history, int n, int neighbours, int maxUserItems) {
    // A user with thousands of items adds millions of pairs and little signal: keep a sample.
    Dataset<Row> h =
        history
            .withColumn(
                "_r",
                row_number()
                    .over(
                        Window.partitionBy("user_id")
                            .orderBy(org.apache.spark.sql.functions.hash(col("iix")))))
            .where(col("_r").leq(maxUserItems))
            .select("user_id", "iix");
    Dataset<Row> norms = h.groupBy("iix").agg(count(lit(1)).as("n"));
    Dataset<Row> a = h.toDF("user_id", "i");
    Dataset<Row> b = h.toDF("user_id", "j");
    Dataset<Row> sims =
        a.join(b, "user_id")
            .where(col("i").notEqual(col("j")))
            .groupBy("i", "j")
            .agg(count(lit(1)).as("c"))
            .join(norms.toDF("i", "ni"), "i")
            .join(norms.toDF("j", "nj"), "j")
            .withColumn("sim", col("c").divide(sqrt(col("ni").multiply(col("nj")))))
            .withColumn(
                "_r",
                row_number().over(Window.partitionBy("i").orderBy(col("sim").desc(), col("j"))))
            .where(col("_r").leq(neighbours))
            .select("i", "j", "sim");
    int[][] nb = new int[n][];
    float[][] s = new float[n][];
    List<Row> all = sims.collectAsList();
    int[] sizes = new int[n];
    for (Row r : all) {
      sizes[r.getInt(0)]++;
    }
    for (int i = 0; i < n; i++) {
      nb[i] = new int[sizes[i]];
      s[i] = new float[sizes[i]];
      sizes[i] = 0;
    }
    for (Row r : all) {
      int i = r.getInt(0);
      nb[i][sizes[i]] = r.getInt(1);
      s[i][sizes[i]++] = (float) r.getDouble(2);
    }
    return new ItemWeights.Sparse(n, nb, s);
  }
}
