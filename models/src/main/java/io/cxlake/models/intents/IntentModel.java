package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_max;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.filter;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.udf;

import io.cxlake.lake.config.CxConfig.IntentsSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.Transformer;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.feature.StringIndexer;
import org.apache.spark.ml.feature.StringIndexerModel;
import org.apache.spark.ml.functions;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted intent classifier with its routing policy. {@link #train} fits the text pipeline on the
 * train slice and chooses each intent's threshold on the validation slice; {@link #score} adds
 * {@code intent, confidence, route, reason} to any tickets with a {@code body}, whatever the text:
 * empty or unfamiliar text is routed to a person, never an error.
 */
public final class IntentModel {
  /** The intent written when there is no model to predict one. */
  public static final String UNKNOWN = "unknown";

  private static final StructType LABELS =
      new StructType().add("index", DataTypes.IntegerType).add("label", DataTypes.StringType);
  private static final StructType THRESHOLDS =
      new StructType()
          .add("intent", DataTypes.StringType)
          .add("threshold", DataTypes.DoubleType, true)
          .add("precision", DataTypes.DoubleType)
          .add("automated", DataTypes.IntegerType);

  private static final StructType ROUTE =
      new StructType().add("route", DataTypes.StringType).add("reason", DataTypes.StringType);

  private final PipelineModel pipeline; // null: no model
  private final List<String> labels;
  private final Set<String> vocabulary;
  private final RoutingPolicy policy;
  private final Map<String, ThresholdSelection.Choice> thresholds;

  private IntentModel(
      PipelineModel pipeline,
      List<String> labels,
      Set<String> vocabulary,
      RoutingPolicy policy,
      Map<String, ThresholdSelection.Choice> thresholds) {
    this.pipeline = pipeline;
    this.labels = labels;
    this.vocabulary = vocabulary;
    this.policy = policy;
    this.thresholds = thresholds;
  }

  /** No tagged tickets to learn from: every ticket goes to a person with reason no_model. */
  public static IntentModel none() {
    return new IntentModel(null, List.of(), Set.of(), RoutingPolicy.noModel(), Map.of());
  }

  /**
   * Fits on {@code train} and picks thresholds on {@code validation}; both need {@code ticket_id,
   * body, actual} (the tagged intent). Returns {@link #none()} when train has fewer than two
   * intents, since there is nothing to tell apart.
   */
  public static IntentModel train(
      Dataset<Row> train, Dataset<Row> validation, IntentsSettings settings) {
    return fit(train, TextPipeline.create()).withThresholds(validation, settings);
  }

  /**
   * The fitted pipeline with its logistic regression rebuilt from coefficients. A fitted binary
   * model keeps its training summary, which holds the SparkSession, so its scoring closure fails to
   * serialize ("Task not serializable") on a day whose tags hold only two intents.
   */
  private static PipelineModel withoutTrainingSummaries(PipelineModel fitted) {
    Transformer[] stages = fitted.stages().clone();
    for (int i = 0; i < stages.length; i++) {
      if (stages[i] instanceof LogisticRegressionModel lr) {
        // The pipeline's regression is multinomial (TextPipeline), whatever the number of classes.
        stages[i] =
            new LogisticRegressionModel(
                    lr.uid(), lr.coefficientMatrix(), lr.interceptVector(), lr.numClasses(), true)
                .copy(lr.extractParamMap());
      }
    }
    return new PipelineModel(fitted.uid(), java.util.Arrays.asList(stages));
  }

  /** Fits the given (unfitted) pipeline on {@code train}, without thresholds yet. */
  static IntentModel fit(Dataset<Row> train, Pipeline unfitted) {
    StringIndexerModel indexer =
        new StringIndexer().setInputCol("actual").setOutputCol("label").fit(train);
    List<String> labels = Arrays.asList(indexer.labelsArray()[0]);
    if (labels.size() < 2) {
      return none();
    }
    Dataset<Row> indexed = indexer.transform(train).cache();
    try {
      PipelineModel pipeline = withoutTrainingSummaries(unfitted.fit(indexed));
      Set<String> vocabulary =
          new HashSet<>(
              pipeline
                  .transform(train)
                  .select(explode(col("words")))
                  .distinct()
                  .as(Encoders.STRING())
                  .collectAsList());
      return new IntentModel(pipeline, labels, vocabulary, RoutingPolicy.noModel(), Map.of());
    } finally {
      indexed.unpersist();
    }
  }

  /** The same fitted model with each intent's threshold chosen on {@code validation}. */
  IntentModel withThresholds(Dataset<Row> validation, IntentsSettings settings) {
    if (pipeline == null) {
      return this;
    }
    return withChoices(Thresholds.choose(predict(validation), labels, settings), settings);
  }

  private IntentModel withChoices(
      Map<String, ThresholdSelection.Choice> chosen, IntentsSettings settings) {
    Map<String, Double> byIntent = new LinkedHashMap<>();
    chosen.forEach((k, v) -> byIntent.put(k, v.threshold()));
    RoutingPolicy policy =
        new RoutingPolicy(
            byIntent, Set.copyOf(settings.humanOnly()), settings.maxUnknownWordShare(), true);
    return new IntentModel(pipeline, labels, vocabulary, policy, chosen);
  }

  /**
   * Writes the fitted model under {@code dir} (any Hadoop path, the lake's file system): the Spark
   * ML pipeline, the label order, the training vocabulary and each intent's threshold. The routing
   * settings (human-only intents, unknown-word share) are read from the config when it is loaded,
   * so changing them takes effect without retraining.
   */
  public void save(SparkSession spark, String dir) throws java.io.IOException {
    if (pipeline == null) {
      throw new IllegalStateException("no trained intent model to save");
    }
    pipeline.write().overwrite().save(dir + "/pipeline");
    List<Row> labelRows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      labelRows.add(RowFactory.create(i, labels.get(i)));
    }
    spark.createDataFrame(labelRows, LABELS).write().mode("overwrite").parquet(dir + "/labels");
    spark
        .createDataset(new ArrayList<>(vocabulary), Encoders.STRING())
        .write()
        .mode("overwrite")
        .parquet(dir + "/vocabulary");
    List<Row> thresholdRows = new ArrayList<>();
    thresholds.forEach(
        (intent, c) ->
            thresholdRows.add(
                RowFactory.create(intent, c.threshold(), c.precision(), c.automated())));
    spark
        .createDataFrame(thresholdRows, THRESHOLDS)
        .write()
        .mode("overwrite")
        .parquet(dir + "/thresholds");
  }

  /** The model {@link #save} wrote under {@code dir}, routing by the given settings. */
  public static IntentModel load(SparkSession spark, String dir, IntentsSettings settings) {
    PipelineModel pipeline = PipelineModel.load(dir + "/pipeline");
    List<String> labels = new ArrayList<>();
    for (Row r : spark.read().parquet(dir + "/labels").orderBy("index").collectAsList()) {
      labels.add(r.getString(1));
    }
    Set<String> vocabulary =
        new HashSet<>(
            spark.read().parquet(dir + "/vocabulary").as(Encoders.STRING()).collectAsList());
    Map<String, ThresholdSelection.Choice> chosen = new LinkedHashMap<>();
    for (Row r : spark.read().parquet(dir + "/thresholds").orderBy("intent").collectAsList()) {
      chosen.put(
          r.getString(0),
          new ThresholdSelection.Choice(
              r.isNullAt(1) ? null : r.getDouble(1), r.getDouble(2), r.getInt(3)));
    }
    return new IntentModel(pipeline, labels, vocabulary, RoutingPolicy.noModel(), Map.of())
        .withChoices(chosen, settings);
  }

  public boolean trained() {
    return pipeline != null;
  }

  /** Each intent's validation-chosen threshold (null threshold: never automated). */
  public Map<String, ThresholdSelection.Choice> thresholds() {
    return thresholds;
  }

  public List<String> labels() {
    return labels;
  }

  /**
   * The prediction without routing: adds {@code intent, confidence, words, unknown_words}, keeping
   * the input columns.
   */
  public Dataset<Row> predict(Dataset<Row> tickets) {
    if (pipeline == null) {
      return tickets
          .withColumn("intent", lit(UNKNOWN))
          .withColumn("confidence", lit(0.0))
          .withColumn("words", size(wordsOf(col("body"))))
          .withColumn("unknown_words", col("words"));
    }
    Column[] labelArray = labels.stream().map(l -> lit(l)).toArray(Column[]::new);
    Set<String> vocab = vocabulary;
    UserDefinedFunction unknown =
        udf(
            (UDF1<scala.collection.Seq<String>, Integer>)
                ws -> {
                  int n = 0;
                  var it = ws.iterator();
                  while (it.hasNext()) {
                    n += vocab.contains(it.next()) ? 0 : 1;
                  }
                  return n;
                },
            DataTypes.IntegerType);
    List<Column> out = new ArrayList<>();
    for (String c : tickets.columns()) {
      out.add(col(c));
    }
    out.add(element_at(array(labelArray), col("prediction").cast("int").plus(1)).as("intent"));
    out.add(array_max(functions.vector_to_array(col("probability"), "float64")).as("confidence"));
    out.add(size(col("words")).as("words_n"));
    out.add(unknown.apply(col("words")).as("unknown_words"));
    return pipeline
        .transform(tickets)
        .select(out.toArray(Column[]::new))
        .withColumnRenamed("words_n", "words");
  }

  /** The prediction and its route: adds {@code intent, confidence, route, reason}. */
  public Dataset<Row> score(Dataset<Row> tickets) {
    RoutingPolicy pol = policy;
    UserDefinedFunction decide =
        udf(
            (UDF4<String, Double, Integer, Integer, Row>)
                (intent, confidence, words, unknownWords) -> {
                  Route r = pol.decide(intent, confidence, words, unknownWords);
                  return RowFactory.create(r.route(), r.reason());
                },
            ROUTE);
    return predict(tickets)
        .withColumn(
            "_route",
            decide.apply(col("intent"), col("confidence"), col("words"), col("unknown_words")))
        .withColumn("route", col("_route.route"))
        .withColumn("reason", col("_route.reason"))
        .drop("_route", "words", "unknown_words");
  }

  /** The word count of a body the way the pipeline splits it, for when there is no model. */
  private static Column wordsOf(Column body) {
    Column text = trim(regexp_replace(lower(coalesce(body, lit(""))), "[^\\p{L}\\p{N}]+", " "));
    return filter(split(text, " "), w -> w.notEqual(""));
  }
}
