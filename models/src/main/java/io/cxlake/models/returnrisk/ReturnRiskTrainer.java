package io.cxlake.models.returnrisk;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Fits a {@link ReturnRiskModel}: term means and category levels from the training slice, a
 * logistic regression (Spark ML) on the centred terms, then Platt scaling of its log-odds on the
 * calibration slice, which the regression never saw.
 */
public final class ReturnRiskTrainer {
  /** Categories per term kept as levels; the rest score as an unseen category. */
  static final int MAX_LEVELS = 50;

  private final double regParam;
  private final int minLevelCount;

  public ReturnRiskTrainer(double regParam, int minLevelCount) {
    this.regParam = regParam;
    this.minLevelCount = minLevelCount;
  }

  /** Fits on {@code train}, calibrates on {@code calibration}; both need a 0/1 {@code label}. */
  public ReturnRiskModel fit(Dataset<Row> train, Dataset<Row> calibration, String version) {
    Row stats = train.agg(avg(col("label").cast("double")), count(lit(1))).head();
    long n = stats.getLong(1);
    if (n == 0) {
      throw new IllegalStateException("no training examples: no order line's window has closed");
    }
    double baseRate = stats.getDouble(0);
    if (baseRate == 0 || baseRate == 1) {
      throw new IllegalStateException(
          "cannot train on one class: all " + n + " training labels are " + (int) baseRate);
    }
    List<ModelTerm> terms = new ArrayList<>(numericMeans(train, baseRate));
    for (Terms.Categorical c : Terms.categorical()) {
      terms.addAll(levels(train, c, n));
    }
    ReturnRiskModel unfitted = new ReturnRiskModel(version, 0, 1, 0, baseRate, terms);

    List<Column> design = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ModelTerm t : terms) {
      String name = "x" + names.size();
      names.add(name);
      design.add(designColumn(t, terms, baseRate).as(name));
    }
    design.add(col("label").cast("double").as("label"));
    Dataset<Row> x =
        new VectorAssembler()
            .setInputCols(names.toArray(String[]::new))
            .setOutputCol("features")
            .transform(train.select(design.toArray(Column[]::new)));
    LogisticRegressionModel lr =
        new LogisticRegression().setRegParam(regParam).setMaxIter(200).fit(x);
    double[] beta = lr.coefficients().toArray();
    List<ModelTerm> fitted = new ArrayList<>();
    for (int i = 0; i < terms.size(); i++) {
      ModelTerm t = terms.get(i);
      fitted.add(new ModelTerm(t.term(), t.level(), t.mean(), beta[i]));
    }
    ReturnRiskModel raw = new ReturnRiskModel(version, lr.intercept(), 1, 0, baseRate, fitted);
    return calibrate(raw, calibration);
  }

  /** Platt scaling: p = σ(a·z + b) fitted on the held-out slice's raw log-odds z. */
  private static ReturnRiskModel calibrate(ReturnRiskModel raw, Dataset<Row> calibration) {
    Dataset<Row> z =
        new VectorAssembler()
            .setInputCols(new String[] {"z"})
            .setOutputCol("features")
            .transform(
                calibration.select(
                    raw.rawLogit().as("z"), col("label").cast("double").as("label")));
    LogisticRegressionModel platt =
        new LogisticRegression().setRegParam(0).setStandardization(false).fit(z);
    return new ReturnRiskModel(
        raw.version(),
        raw.intercept(),
        platt.coefficients().apply(0),
        platt.intercept(),
        raw.baseRate(),
        raw.terms());
  }

  /** Numeric terms with their training means; a term never known in training is left out. */
  private static List<ModelTerm> numericMeans(Dataset<Row> train, double baseRate) {
    List<Terms.Numeric> numeric = Terms.numeric(baseRate);
    Column[] means = numeric.stream().map(t -> avg(t.value())).toArray(Column[]::new);
    Row m = train.agg(means[0], java.util.Arrays.copyOfRange(means, 1, means.length)).head();
    List<ModelTerm> out = new ArrayList<>();
    for (int i = 0; i < numeric.size(); i++) {
      if (!m.isNullAt(i)) {
        out.add(new ModelTerm(numeric.get(i).name(), null, m.getDouble(i), 0));
      }
    }
    return out;
  }

  /** The most frequent levels of a categorical term seen at least minLevelCount times. */
  private List<ModelTerm> levels(Dataset<Row> train, Terms.Categorical c, long n) {
    List<Row> rows =
        train
            .where(c.value().isNotNull())
            .groupBy(c.value().as("level"))
            .agg(count(lit(1)).as("n"))
            .where(col("n").geq(minLevelCount))
            .orderBy(desc("n"), col("level"))
            .limit(MAX_LEVELS)
            .collectAsList();
    List<ModelTerm> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(new ModelTerm(c.name(), r.getString(0), (double) r.getLong(1) / n, 0));
    }
    return out;
  }

  /** The centred design column of a term: what the regression sees. */
  private static Column designColumn(ModelTerm t, List<ModelTerm> all, double baseRate) {
    if (t.level() == null) {
      Terms.Numeric num =
          Terms.numeric(baseRate).stream().filter(x -> x.name().equals(t.term())).findFirst().get();
      return coalesce(num.value(), lit(t.mean())).minus(t.mean());
    }
    Column v =
        Terms.categorical().stream()
            .filter(x -> x.name().equals(t.term()))
            .findFirst()
            .get()
            .value();
    // Rows of an unknown level sit at the centre of every indicator, as they are scored.
    Column known = lit(false);
    for (ModelTerm o : all) {
      if (o.term().equals(t.term())) {
        known = known.or(v.equalTo(lit(o.level())));
      }
    }
    return when(v.equalTo(lit(t.level())), lit(1.0 - t.mean()))
        .when(coalesce(known, lit(false)), lit(-t.mean()))
        .otherwise(lit(0.0));
  }
}
