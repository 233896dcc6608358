package io.cxlake.jobs.intents;

import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.models.intents.IntentModel;
import io.cxlake.models.intents.IntentTables;
import io.cxlake.models.intents.Intents;
import io.cxlake.models.intents.IntentsResult;
import io.cxlake.models.intents.Slices;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import io.cxlake.models.registry.RegistryTable;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The intents steps: train (fit on the trailing window, choose thresholds, evaluate on held-out
 * tickets, save under {@code <lake.root>/models/intents/<version>}, register and gate on macro-F1)
 * and score (route the date's tickets with the registry's champion), and both in one step for the
 * nightly. Without a champion every ticket goes to a person (reason no_model): the fallback.
 */
public final class IntentsJob {
  private static final Logger LOG = LoggerFactory.getLogger(IntentsJob.class);
  private static final StructType LABELS =
      new StructType().add("ticket_id", DataTypes.StringType).add("intent", DataTypes.StringType);
  private static final String MODEL_ROW = "run_date = DATE'%s' AND model = '" + Intents.MODEL + "'";
  static final String GATE_METRIC = "macro_f1";

  private IntentsJob() {}

  /** What training did: the gate's decision, or why no model was trained. */
  public record Trained(
      Optional<Intents.Training> training,
      String version,
      ChampionGate.Decision decision,
      boolean judged) {
    public boolean promoted() {
      return training.isPresent() && decision.promote();
    }

    /**
     * A rejected model blocks only when a champion serves and the model was judged on enough test
     * tickets: the first model of a young lake that cannot beat the majority baseline leaves
     * tickets with people, and a handful of test tickets proves nothing either way.
     */
    boolean blocks(boolean championServes) {
      return training.isPresent() && !decision.promote() && championServes && judged;
    }

    public String summary() {
      return training.isEmpty()
          ? "no model: " + decision.reason()
          : version
              + " "
              + (decision.promote() ? "champion: " : "not promoted: ")
              + decision.reason();
    }
  }

  static List<TableDef> trainWrites() {
    return List.of(
        IntentTables.INTENT_METRICS, IntentTables.INTENT_CONFUSION, RegistryTable.MODEL_REGISTRY);
  }

  static List<TableDef> scoreWrites() {
    return List.of(
        IntentTables.TICKET_ROUTING,
        IntentTables.INTENT_METRICS,
        IntentTables.INTENT_CONFUSION,
        IntentTables.INTENT_KPIS,
        ScoreTable.MODEL_VERSIONS);
  }

  /** The ledger step {@code intents-train}. */
  public static Trained trainStep(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "intents-train",
        day,
        trainWrites(),
        () -> train(p, day),
        t -> new Pipeline.StepResult(counts(t), t.summary(), t.blocks(championServes(p))));
  }

  /** The ledger step {@code intents-score}. */
  public static IntentsResult scoreStep(Pipeline p, LocalDate day) throws Exception {
    return p.step(
        "intents-score",
        day,
        scoreWrites(),
        () -> score(p, day),
        r -> new Pipeline.StepResult(r.counts(), r.summary()));
  }

  /**
   * The nightly's step {@code intents}: train, then route the day's tickets with the champion. A
   * model worse than the serving champion is recorded as rejected and blocks the run; the champion
   * still routes the day's tickets.
   */
  public static IntentsResult step(Pipeline p, LocalDate day) throws Exception {
    List<TableDef> writes = new ArrayList<>(trainWrites());
    scoreWrites().stream().filter(t -> !writes.contains(t)).forEach(writes::add);
    Trained[] trained = new Trained[1];
    return p.step(
        "intents",
        day,
        writes,
        () -> {
          trained[0] = train(p, day);
          return score(p, day);
        },
        r -> {
          Map<String, Long> c = new LinkedHashMap<>(counts(trained[0]));
          c.putAll(r.counts());
          return new Pipeline.StepResult(
              c, trained[0].summary() + "; " + r.summary(), trained[0].blocks(championServes(p)));
        });
  }

  private static Map<String, Long> counts(Trained t) {
    return t.training().map(Intents.Training::counts).orElse(Map.of());
  }

  private static boolean championServes(Pipeline p) {
    return new ModelRegistry(p.lake()).champion(Intents.MODEL).isPresent();
  }

  static Trained train(Pipeline p, LocalDate day) throws Exception {
    CxConfig.IntentsSettings settings = p.config().intents();
    Lake lake = p.lake();
    String version = ModelVersion.versionFor(Intents.MODEL, day);
    Intents.Training t =
        Intents.train(
            lake.read(Table.TICKETS), readLabels(p.spark(), settings.labels()), day, settings);
    String slice = "run_date = DATE'" + day + "' AND slice = '" + Slices.TEST + "'";
    if (!t.model().trained()) {
      lake.deleteWhere(IntentTables.INTENT_METRICS, slice);
      lake.deleteWhere(IntentTables.INTENT_CONFUSION, slice);
      String why =
          "fewer than two intents tagged among the "
              + t.counts().get("train_tickets")
              + " training tickets";
      LOG.warn("intents {}: no model: {}", day, why);
      return new Trained(Optional.empty(), version, new ChampionGate.Decision(false, why), false);
    }
    IntentsResult.Rows rows = Intents.testRows(p.spark(), t, day);
    lake.replaceWhere(IntentTables.INTENT_METRICS, slice, rows.metrics());
    lake.replaceWhere(IntentTables.INTENT_CONFUSION, slice, rows.confusion());
    t.model().save(p.spark(), modelDir(lake, version));
    boolean judged = t.onTest().tickets() >= settings.minTestTickets();
    ChampionGate.Decision d = gate(p, t, version, judged);
    new ModelRegistry(lake)
        .record(
            new ModelVersion(
                Intents.MODEL,
                version,
                day,
                params(settings),
                t.metrics(),
                day.minusDays(settings.trainDays()),
                day.minusDays(1),
                Map.of(Table.TICKETS.shortName(), lake.version(Table.TICKETS))),
            d);
    LOG.info("intents {}: {} {}", day, d.promote() ? "promoted:" : "rejected:", d.reason());
    return new Trained(Optional.of(t), version, d, judged);
  }

  private static ChampionGate.Decision gate(
      Pipeline p, Intents.Training t, String version, boolean judged) {
    OptionalDouble champion =
        new ModelRegistry(p.lake())
            .champion(Intents.MODEL)
            .filter(e -> !e.version().equals(version))
            .map(e -> e.metrics().get(GATE_METRIC))
            .map(OptionalDouble::of)
            .orElse(OptionalDouble.empty());
    if (!judged) {
      return new ChampionGate.Decision(
          champion.isEmpty(),
          "too few held-out test tickets to judge it ("
              + t.onTest().tickets()
              + " < intents.min-test-tickets "
              + p.config().intents().minTestTickets()
              + ")"
              + (champion.isEmpty() ? "; no champion yet, so it serves" : "; the champion stays"));
    }
    return ChampionGate.decide(
        GATE_METRIC,
        t.macroF1(),
        t.baselineMacroF1(),
        champion,
        p.config().gates().championTolerance());
  }

  private static Map<String, String> params(CxConfig.IntentsSettings s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("train_days", String.valueOf(s.trainDays()));
    m.put("precision_target", String.valueOf(s.precisionTarget()));
    m.put("min_validation_support", String.valueOf(s.minValidationSupport()));
    m.put("min_test_tickets", String.valueOf(s.minTestTickets()));
    return m;
  }

  /** Where a version's fitted model lives. */
  static String modelDir(Lake lake, String version) {
    return lake.root() + "/models/" + Intents.MODEL + "/" + version;
  }

  /** Routes the date's tickets with the champion (or to people when there is none). */
  static IntentsResult score(Pipeline p, LocalDate day) throws Exception {
    CxConfig.IntentsSettings settings = p.config().intents();
    Lake lake = p.lake();
    Optional<ModelRegistry.Event> champion = new ModelRegistry(lake).champion(Intents.MODEL);
    IntentModel model =
        champion.isPresent()
            ? IntentModel.load(p.spark(), modelDir(lake, champion.get().version()), settings)
            : IntentModel.none();
    String version = champion.map(ModelRegistry.Event::version).orElse(null);
    IntentsResult r =
        Intents.score(
            model,
            version,
            lake.read(Table.TICKETS),
            readLabels(p.spark(), settings.labels()),
            day,
            settings,
            champion.map(ModelRegistry.Event::metrics).orElse(Map.of()));
    String slice = "run_date = DATE'" + day + "' AND slice = '" + Slices.DAY + "'";
    lake.replacePartition(IntentTables.TICKET_ROUTING, day, r.scores());
    lake.replaceWhere(IntentTables.INTENT_METRICS, slice, r.day().metrics());
    lake.replaceWhere(IntentTables.INTENT_CONFUSION, slice, r.day().confusion());
    lake.replacePartition(IntentTables.INTENT_KPIS, day, r.kpis());
    List<Row> served =
        version == null
            ? List.of()
            : List.of(RowFactory.create(Intents.MODEL, version, Date.valueOf(day)));
    lake.replaceWhere(
        ScoreTable.MODEL_VERSIONS,
        MODEL_ROW.formatted(day),
        p.spark().createDataFrame(served, ScoreTable.MODEL_VERSIONS.schema()));
    return r;
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
