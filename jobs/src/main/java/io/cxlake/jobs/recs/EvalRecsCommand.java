package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.ConfigError;
import io.cxlake.lake.spark.SparkSessions;
import io.cxlake.models.recs.AlsTuning;
import io.cxlake.models.recs.HoldoutEvaluation;
import io.cxlake.models.recs.ItemItem;
import io.cxlake.models.recs.Splits;
import java.io.File;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval recs}: the recommenders on any interactions file with a header row, against a
 * popularity baseline, on a held-out split (see {@link HoldoutEvaluation}).
 */
@Command(
    name = "recs",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate the collaborative recommenders and a popularity baseline on an interactions"
            + " file: precision, recall, nDCG, MAP at k and coverage.")
public final class EvalRecsCommand implements Callable<Integer> {
  @Mixin CommonOptions common;

  @Option(
      names = "--input",
      required = true,
      paramLabel = "FILE",
      description = "Interactions file (a header row names the columns; .gz read as gzip).")
  File input;

  @Option(
      names = "--format",
      defaultValue = "csv",
      description = "csv or tsv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--user-col", required = true, paramLabel = "U")
  String userCol;

  @Option(names = "--item-col", required = true, paramLabel = "I")
  String itemCol;

  @Option(
      names = "--rating-col",
      paramLabel = "R",
      description = "Strength of an interaction; without it each row counts 1.")
  String ratingCol;

  @Option(
      names = "--time-col",
      paramLabel = "T",
      description = "Timestamp (date-time text or epoch seconds); needed by a time split.")
  String timeCol;

  @Option(
      names = "--where",
      paramLabel = "SQL",
      description = "Keep only rows matching this Spark SQL condition (e.g. \"Quantity > 0\").")
  String where;

  @Option(
      names = "--split",
      defaultValue = "random-by-item:0.75",
      description = "time:R, random-by-user:R or random-by-item:R (default: ${DEFAULT-VALUE}).")
  String split;

  @Option(names = "--seed", defaultValue = "42")
  long seed;

  @Option(names = "--k", defaultValue = "10")
  int k;

  @Option(
      names = "--model",
      defaultValue = "blend",
      description = "als, item-item or blend (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--exclude-seen",
      defaultValue = "true",
      arity = "1",
      description =
          "Remove each user's training items from the candidates (default: ${DEFAULT-VALUE}); false allows repeats.")
  boolean excludeSeen;

  @Option(
      names = "--tune",
      defaultValue = "true",
      arity = "1",
      description = "Tune on a validation split of train (default: ${DEFAULT-VALUE}).")
  boolean tune;

  @Option(names = "--json-out", paramLabel = "FILE")
  File jsonOut;

  @Override
  public Integer call() throws Exception {
    Splits.Spec spec;
    HoldoutEvaluation.Options options;
    try {
      spec = Splits.Spec.parse(split);
      options =
          new HoldoutEvaluation.Options(
              model,
              spec,
              seed,
              k,
              excludeSeen,
              tune,
              AlsTuning.Grid.SMALL,
              ItemItem.Settings.DEFAULT);
    } catch (IllegalArgumentException e) {
      throw new ConfigError(e.getMessage());
    }
    if (k < 1) {
      throw new ConfigError("--k must be >= 1, got " + k);
    }
    if (!format.equals("csv") && !format.equals("tsv")) {
      throw new ConfigError("--format must be csv or tsv, got '" + format + "'");
    }
    if (!input.isFile()) {
      throw new ConfigError("--input " + input + " is not a readable file");
    }
    if (spec.kind().equals(Splits.Spec.TIME) && timeCol == null) {
      throw new ConfigError("--split " + split + " needs --time-col");
    }
    SparkSession spark = SparkSessions.create(common.config().spark());
    Dataset<Row> raw =
        spark
            .read()
            .option("header", "true")
            .option("sep", format.equals("tsv") ? "\t" : ",")
            .csv(input.getPath());
    List<String> columns = Arrays.asList(raw.columns());
    check("--user-col", userCol, columns);
    check("--item-col", itemCol, columns);
    if (ratingCol != null) {
      check("--rating-col", ratingCol, columns);
    }
    if (timeCol != null) {
      check("--time-col", timeCol, columns);
    }
    if (where != null) {
      raw = raw.where(where);
    }
    Column strength =
        ratingCol == null ? lit(1.0) : expr("try_cast(" + q(ratingCol) + " as double)");
    Column ts =
        timeCol == null
            ? lit(null).cast("timestamp")
            : expr(
                "coalesce(try_cast("
                    + q(timeCol)
                    + " as timestamp), timestamp_seconds(try_cast("
                    + q(timeCol)
                    + " as bigint)))");
    Dataset<Row> rows =
        raw.select(
                expr("trim(" + q(userCol) + ")").as("user_id"),
                expr("trim(" + q(itemCol) + ")").as("item_id"),
                strength.as("strength"),
                ts.as("ts"))
            .where(
                col("user_id")
                    .isNotNull()
                    .and(col("item_id").isNotNull())
                    .and(col("strength").isNotNull()));
    if (timeCol != null) {
      rows = rows.where(col("ts").isNotNull());
    }
    rows = rows.cache();
    if (rows.isEmpty()) {
      throw new ConfigError(
          "--input "
              + input
              + ": no row has a user, an item"
              + (ratingCol != null ? ", a numeric rating" : "")
              + (timeCol != null ? " and a time" : ""));
    }
    HoldoutEvaluation.Report report = HoldoutEvaluation.run(rows, options);
    System.out.print(EvalReport.table(report, k, model));
    if (jsonOut != null) {
      Files.writeString(
          jsonOut.toPath(), EvalReport.json(report, k, model, split, seed, excludeSeen));
    }
    return ExitCodes.OK;
  }

  private static void check(String option, String name, List<String> columns) {
    if (!columns.contains(name)) {
      throw new ConfigError(
          option
              + " '"
              + name
              + "' is not a column of the input (columns: "
              + String.join(", ", columns)
              + ")");
    }
  }

  private static String q(String name) {
    return "`" + name.replace("`", "``") + "`";
  }
}
