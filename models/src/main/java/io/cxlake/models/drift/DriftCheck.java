package io.cxlake.models.drift;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * PSI of each feature of a current population against a reference one, the Spark side of {@link
 * Psi}: bins are fixed from the reference (equal-count bins from its quantiles for a number, its
 * levels for a category, plus a bin for nulls and one for unseen levels), then both populations are
 * counted per feature and bin in one pass each.
 */
public final class DriftCheck {
  /** Levels of a categorical feature kept as bins; rarer ones share the "_other" bin. */
  static final int MAX_LEVELS = 50;

  static final String NULL_BIN = "null";
  static final String OTHER_BIN = "_other";

  /** One feature's drift: NaN when either population is empty. */
  public record FeatureDrift(String feature, double psi, long referenceRows, long currentRows) {}

  private DriftCheck() {}

  public static List<FeatureDrift> compare(
      Dataset<Row> reference,
      Dataset<Row> current,
      List<String> numeric,
      List<String> categorical,
      int bins) {
    // The reference is read once per categorical feature, for its quantiles, maxima and counts:
    // a training set is a chain of point-in-time joins, computed once here.
    Dataset<Row> ref = reference.persist();
    try {
      return compareCached(ref, current, numeric, categorical, bins);
    } finally {
      ref.unpersist();
    }
  }

  private static List<FeatureDrift> compareCached(
      Dataset<Row> reference,
      Dataset<Row> current,
      List<String> numeric,
      List<String> categorical,
      int bins) {
    Map<String, Column> bucket = new LinkedHashMap<>();
    if (!numeric.isEmpty()) {
      Dataset<Row> ref =
          reference.select(
              numeric.stream().map(c -> col(c).cast("double").as(c)).toArray(Column[]::new));
      double[] probs = new double[bins - 1];
      for (int k = 1; k < bins; k++) {
        probs[k - 1] = k / (double) bins;
      }
      double[][] q = ref.stat().approxQuantile(numeric.toArray(String[]::new), probs, 0.001);
      Row maxima =
          ref.agg(
                  max(col(numeric.get(0))),
                  numeric.subList(1, numeric.size()).stream()
                      .map(c -> max(col(c)))
                      .toArray(Column[]::new))
              .head();
      for (int i = 0; i < numeric.size(); i++) {
        String c = numeric.get(i);
        double[] edges =
            maxima.isNullAt(i) ? new double[0] : Psi.edgesFromQuantiles(q[i], maxima.getDouble(i));
        Column b = when(col(c).isNull(), lit(NULL_BIN));
        for (int e = 0; e < edges.length; e++) {
          b = b.when(col(c).cast("double").leq(lit(edges[e])), lit(String.valueOf(e)));
        }
        bucket.put(c, b.otherwise(lit(String.valueOf(edges.length))));
      }
    }
    for (String c : categorical) {
      List<Object> levels = new ArrayList<>();
      reference
          .where(col(c).isNotNull())
          .groupBy(col(c).cast("string"))
          .count()
          .orderBy(desc("count"))
          .limit(MAX_LEVELS)
          .collectAsList()
          .forEach(r -> levels.add(r.getString(0)));
      Column v = col(c).cast("string");
      bucket.put(
          c,
          when(col(c).isNull(), lit(NULL_BIN))
              .when(v.isin(levels.toArray()), v)
              .otherwise(lit(OTHER_BIN)));
    }
    Map<String, Map<String, Long>> ref = counts(reference, bucket);
    Map<String, Map<String, Long>> cur = counts(current, bucket);
    long refRows = total(ref);
    long curRows = total(cur);
    List<FeatureDrift> out = new ArrayList<>();
    for (String f : bucket.keySet()) {
      Map<String, Long> r = ref.getOrDefault(f, Map.of());
      Map<String, Long> k = cur.getOrDefault(f, Map.of());
      if (refRows == 0 || curRows == 0) {
        out.add(new FeatureDrift(f, Double.NaN, refRows, curRows));
        continue;
      }
      TreeMap<String, Integer> index = new TreeMap<>();
      r.keySet().forEach(b -> index.putIfAbsent(b, index.size()));
      k.keySet().forEach(b -> index.putIfAbsent(b, index.size()));
      long[] rh = new long[index.size()];
      long[] ch = new long[index.size()];
      r.forEach((b, n) -> rh[index.get(b)] = n);
      k.forEach((b, n) -> ch[index.get(b)] = n);
      out.add(new FeatureDrift(f, Psi.of(rh, ch), refRows, curRows));
    }
    return out;
  }

  /** Per feature and bin, the rows of the population: one pass, one small shuffle. */
  private static Map<String, Map<String, Long>> counts(
      Dataset<Row> rows, Map<String, Column> bucket) {
    List<Column> pairs = new ArrayList<>();
    bucket.forEach((f, b) -> pairs.add(struct(lit(f).as("f"), b.as("b"))));
    Map<String, Map<String, Long>> out = new TreeMap<>();
    for (Row r :
        rows.select(explode(array(pairs.toArray(Column[]::new))).as("p"))
            .groupBy(col("p.f"), col("p.b"))
            .count()
            .collectAsList()) {
      out.computeIfAbsent(r.getString(0), x -> new TreeMap<>()).put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  /** Rows of the population (every feature's bins sum to it). */
  private static long total(Map<String, Map<String, Long>> counts) {
    return counts.isEmpty()
        ? 0
        : counts.values().iterator().next().values().stream().mapToLong(Long::longValue).sum();
  }
}
