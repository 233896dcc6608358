package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.slice;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A fitted return-risk model: a logistic regression over centred {@link Terms}, Platt-calibrated on
 * a held-out slice. Centring makes each term's contribution to the log-odds, coefficient × (value −
 * training mean), a reason code: how far this line's value pushes it above an average line. An
 * unknown value (null, or a category never seen often enough in training) is scored as the mean:
 * contribution 0, and a reason code saying so, never a failure.
 */
public record ReturnRiskModel(
    String version,
    double intercept,
    double plattSlope,
    double plattOffset,
    double baseRate,
    List<ModelTerm> terms) {

  /** Reasons shown per line, and the smallest log-odds push worth showing. */
  static final int TOP_REASONS = 3;

  static final double MIN_REASON_LOGIT = 0.1;

  /**
   * The model as stored in return_risk_model (columns version, term, level, mean, coefficient): the
   * terms, with {@code _intercept}, {@code _platt_slope}, {@code _platt_offset} and {@code
   * _base_rate} carrying their values as coefficients.
   */
  public static ReturnRiskModel fromRows(String version, List<Row> rows) {
    Map<String, Double> extra = new LinkedHashMap<>();
    List<ModelTerm> terms = new ArrayList<>();
    for (Row r : rows) {
      String term = r.getAs("term");
      double coefficient = r.getAs("coefficient");
      if (term.startsWith("_")) {
        extra.put(term, coefficient);
      } else {
        terms.add(new ModelTerm(term, r.getAs("level"), r.getAs("mean"), coefficient));
      }
    }
    for (String k : List.of("_intercept", "_platt_slope", "_platt_offset", "_base_rate")) {
      if (!extra.containsKey(k)) {
        throw new IllegalStateException(
            "return_risk_model holds no " + k + " row for version " + version);
      }
    }
    // Terms in the trainer's order (numeric, then categorical), so reasons list as they did.
    List<String> order = new ArrayList<>();
    Terms.numeric(extra.get("_base_rate")).forEach(n -> order.add(n.name()));
    Terms.categorical().forEach(c -> order.add(c.name()));
    terms.sort(
        java.util.Comparator.comparingInt((ModelTerm t) -> order.indexOf(t.term()))
            .thenComparing(t -> t.level() == null ? "" : t.level()));
    return new ReturnRiskModel(
        version,
        extra.get("_intercept"),
        extra.get("_platt_slope"),
        extra.get("_platt_offset"),
        extra.get("_base_rate"),
        List.copyOf(terms));
  }

  /** The raw (uncalibrated) log-odds of each row, as a column. */
  Column rawLogit() {
    Column z = lit(intercept);
    for (Map.Entry<String, Column> c : contributions().entrySet()) {
      z = z.plus(c.getValue());
    }
    return z;
  }

  /** The calibrated probability of each row, as a column. */
  Column probability() {
    Column z = rawLogit().multiply(plattSlope).plus(plattOffset);
    return lit(1.0).divide(lit(1.0).plus(exp(z.multiply(-1))));
  }

  /** Rows with {@code probability}, {@code band} and {@code reasons} added. */
  public Dataset<Row> score(Dataset<Row> rows, double mediumBand, double highBand) {
    Dataset<Row> p = rows.withColumn("probability", probability());
    return p.withColumn(
            "band",
            when(col("probability").geq(highBand), lit("high"))
                .when(col("probability").geq(mediumBand), lit("medium"))
                .otherwise(lit("low")))
        .withColumn("reasons", reasons());
  }

  /** Each term's contribution to the log-odds, by term name, in model order. */
  Map<String, Column> contributions() {
    Map<String, Column> out = new LinkedHashMap<>();
    Map<String, Terms.Numeric> numeric = numericByName();
    Map<String, Terms.Categorical> categorical = categoricalByName();
    for (ModelTerm t : terms) {
      if (t.level() == null) {
        Column v = coalesce(numeric.get(t.term()).value(), lit(t.mean()));
        out.put(t.term(), v.minus(t.mean()).multiply(t.coefficient()));
      }
    }
    for (Map.Entry<String, List<ModelTerm>> g : levelsByTerm().entrySet()) {
      // One-hot centred: level l contributes β_l − Σ_j β_j m_j; an unknown level contributes 0.
      double centre = g.getValue().stream().mapToDouble(t -> t.coefficient() * t.mean()).sum();
      Column value = categorical.get(g.getKey()).value();
      Column c = null;
      for (ModelTerm t : g.getValue()) {
        Column hit = value.equalTo(lit(t.level()));
        double v = t.coefficient() - centre;
        c = c == null ? when(hit, lit(v)) : c.when(hit, lit(v));
      }
      out.put(g.getKey(), c.otherwise(lit(0.0)));
    }
    return out;
  }

  /**
   * The top terms that pushed this line's score up, strongest first, as "code +0.85: sentence";
   * then a note for each input that was unknown and scored as average.
   */
  Column reasons() {
    List<Column> pushes = new ArrayList<>();
    Map<String, Terms.Numeric> numeric = numericByName();
    Map<String, Terms.Categorical> categorical = categoricalByName();
    List<Column> unknown = new ArrayList<>();
    for (Map.Entry<String, Column> c : contributions().entrySet()) {
      String name = c.getKey();
      Column text;
      if (numeric.containsKey(name)) {
        text = numeric.get(name).reason();
        unknown.add(
            when(
                numeric.get(name).value().isNull(),
                lit("missing_" + name + ": unknown, scored as an average line")));
      } else {
        Column v = categorical.get(name).value();
        text = format_string(name + " '%s' is returned more often than average", v);
        Column known = lit(false);
        for (ModelTerm t : levelsByTerm().get(name)) {
          known = known.or(v.equalTo(lit(t.level())));
        }
        unknown.add(
            when(v.isNull(), lit("missing_" + name + ": unknown, scored as an average line"))
                .when(
                    known.unary_$bang(),
                    format_string(
                        "unseen_" + name + ": '%s' was not seen in training, scored as average",
                        v)));
      }
      pushes.add(
          when(
              c.getValue().gt(MIN_REASON_LOGIT),
              struct(
                  c.getValue().multiply(-1).as("neg"),
                  lit(name).as("code"),
                  coalesce(text, lit(name)).as("text"))));
    }
    Column top =
        slice(
            sort_array(filter(array(pushes.toArray(Column[]::new)), x -> x.isNotNull())),
            1,
            TOP_REASONS);
    Column formatted =
        transform(
            top,
            x ->
                format_string(
                    "%s +%.2f: %s",
                    x.getField("code"), x.getField("neg").multiply(-1), x.getField("text")));
    Column notes = filter(array(unknown.toArray(Column[]::new)), x -> x.isNotNull());
    return concat(formatted, notes);
  }

  private Map<String, List<ModelTerm>> levelsByTerm() {
    Map<String, List<ModelTerm>> out = new LinkedHashMap<>();
    for (ModelTerm t : terms) {
      if (t.level() != null) {
        out.computeIfAbsent(t.term(), k -> new ArrayList<>()).add(t);
      }
    }
    return out;
  }

  private Map<String, Terms.Numeric> numericByName() {
    Map<String, Terms.Numeric> m = new LinkedHashMap<>();
    Terms.numeric(baseRate).forEach(n -> m.put(n.name(), n));
    return m;
  }

  private static Map<String, Terms.Categorical> categoricalByName() {
    Map<String, Terms.Categorical> m = new LinkedHashMap<>();
    Terms.categorical().forEach(c -> m.put(c.name(), c));
    return m;
  }
}
