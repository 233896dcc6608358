package io.cxlake.jobs.intents;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.models.intents.IntentTables;
import io.cxlake.models.intents.Intents;
import io.cxlake.models.intents.IntentsResult;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** Trains the support-intent classifier on the trailing window and scores --run-date's tickets. */
@Command(
    name = "intents",
    mixinStandardHelpOptions = true,
    description =
        "Train the support-intent classifier on the tagged tickets before --run-date, choose each"
            + " intent's confidence threshold on a validation slice, and score and route the"
            + " tickets of --run-date (automate or person, with a reason). Writes intents,"
            + " intent_metrics, intent_confusion and intent_kpis (containment rate). Rerunnable.")
public final class IntentsCommand implements Callable<Integer> {
  private static final StructType LABELS =
      new StructType().add("ticket_id", DataTypes.StringType).add("intent", DataTypes.StringType);

  @Mixin CommonOptions common;

  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    LocalDate day = common.runDate();
    IntentsResult r = run(Pipeline.open(common, main.secrets()), day);
    System.out.println("intents " + day + ": " + r.summary());
    return ExitCodes.OK;
  }

  /** Runs the intents step for one date as a ledger-recorded step; for nightly and demo too. */
  public static IntentsResult run(Pipeline p, LocalDate day) throws Exception {
    CxConfig.IntentsSettings settings = p.config().intents();
    return p.step(
        "intents",
        day,
        List.of(IntentTables.values()),
        () -> {
          Lake lake = p.lake();
          Dataset<Row> labels = readLabels(p.spark(), settings.labels());
          IntentsResult r = Intents.run(lake.read(Table.TICKETS), labels, day, settings);
          lake.replacePartition(IntentTables.INTENTS, day, r.scores());
          lake.replacePartition(IntentTables.INTENT_METRICS, day, r.metrics());
          lake.replacePartition(IntentTables.INTENT_CONFUSION, day, r.confusion());
          lake.replacePartition(IntentTables.INTENT_KPIS, day, r.kpis());
          return r;
        },
        r -> new Pipeline.StepResult(r.counts(), r.summary()));
  }

  /**
   * Agents' tags, CSV with a header; a missing file is an error naming the key that points at it.
   */
  static Dataset<Row> readLabels(SparkSession spark, String path) throws Exception {
    Path p = new Path(path);
    if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
      throw new IllegalStateException(
          "intent tags not found at '" + path + "' (config key intents.labels)");
    }
    return spark.read().option("header", "true").schema(LABELS).csv(path);
  }
}
