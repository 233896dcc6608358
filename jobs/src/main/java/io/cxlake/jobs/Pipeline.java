package io.cxlake.jobs;

import io.cxlake.jobs.cli.CommonOptions;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.fault.FaultPause;
import io.cxlake.lake.spark.SparkSessions;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.RunLedger;
import io.cxlake.lake.table.TableDef;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a job needs: the loaded config (validated before Spark starts), the SparkSession, the lake
 * and the run ledger. {@link #step} runs one step with logging, a Spark job group, the ledger row,
 * and the lake restored if the step fails.
 */
public final class Pipeline {
  private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

  private final CxConfig config;
  private final SparkSession spark;
  private final Lake lake;
  private final RunLedger ledger;
  private final Secrets secrets;
  private final String runId = UUID.randomUUID().toString();
  private final List<RunLedger.Entry> history = new ArrayList<>();

  public Pipeline(CxConfig config, SparkSession spark, Secrets secrets) {
    this.config = config;
    this.spark = spark;
    this.lake = new Lake(spark, config.lake().root());
    this.ledger = new RunLedger(lake);
    this.secrets = secrets;
  }

  /** Loads the config first (a bad key exits before Spark starts), then starts Spark. */
  public static Pipeline open(CommonOptions options, Secrets secrets) {
    CxConfig config = options.config();
    return new Pipeline(config, SparkSessions.create(config.spark()), secrets);
  }

  public CxConfig config() {
    return config;
  }

  public SparkSession spark() {
    return spark;
  }

  public Lake lake() {
    return lake;
  }

  public String runId() {
    return runId;
  }

  public RunLedger ledger() {
    return ledger;
  }

  public Secrets secrets() {
    return secrets;
  }

  /**
   * What a step returns: its counts for the ledger and summary, a one-line message, and whether a
   * gate in the step blocked the run (its writes stay, as the gate's evidence; the run stops).
   */
  public record StepResult(Map<String, Long> counts, String message, boolean blocked) {
    public StepResult(Map<String, Long> counts, String message) {
      this(counts, message, false);
    }
  }

  /** The steps run so far through this pipeline, in order, as recorded in the ledger. */
  public List<RunLedger.Entry> history() {
    return List.copyOf(history);
  }

  /** A step's body: does the work, returns its typed result. */
  @FunctionalInterface
  public interface Body<T> {
    T run() throws Exception;
  }

  /**
   * Runs one step for a date: logs start and end, labels its Spark jobs, records it in the ledger,
   * and on failure restores the tables it writes to their versions before it started. A result that
   * says {@link StepResult#blocked} is recorded as blocked and thrown as a {@link
   * GateBlockedException}.
   */
  public <T> T step(
      String name,
      LocalDate runDate,
      List<? extends TableDef> writes,
      Body<T> body,
      Function<T, StepResult> describe)
      throws Exception {
    Instant start = Instant.now();
    LOG.info("step {} for {}: started", name, runDate);
    spark.sparkContext().setJobGroup(name, "cxlake " + name + " " + runDate, false);
    Map<TableDef, Long> before = lake.versions(writes);
    GateBlockedException blocked;
    try {
      T result = body.run();
      StepResult r = describe.apply(result);
      FaultPause.at("done:" + name);
      Instant end = Instant.now();
      String status = r.blocked() ? RunLedger.BLOCKED : RunLedger.SUCCEEDED;
      record(
          new RunLedger.Entry(
              runId,
              name,
              runDate,
              status,
              start,
              end,
              r.counts(),
              versions(writes),
              r.message(),
              null));
      LOG.info(
          "step {} for {}: {} in {} s, {}{}",
          name,
          runDate,
          status,
          seconds(start, end),
          r.counts(),
          r.blocked() ? "; " + r.message() : "");
      FaultPause.at("after:" + name);
      if (!r.blocked()) {
        return result;
      }
      blocked = new GateBlockedException(name + " for " + runDate + ": " + r.message());
    } catch (Exception | Error e) {
      LOG.error(
          "step {} for {}: failed after {} s: {}; restoring its tables",
          name,
          runDate,
          seconds(start, Instant.now()),
          e.toString());
      lake.restore(before);
      String status = e instanceof GateBlockedException ? RunLedger.BLOCKED : RunLedger.FAILED;
      record(
          new RunLedger.Entry(
              runId,
              name,
              runDate,
              status,
              start,
              Instant.now(),
              Map.of(),
              versions(writes),
              String.valueOf(e.getMessage()),
              null));
      throw e;
    } finally {
      spark.sparkContext().clearJobGroup();
    }
    throw blocked;
  }

  private static String seconds(Instant start, Instant end) {
    return String.format(Locale.ROOT, "%.1f", Duration.between(start, end).toMillis() / 1000.0);
  }

  private void record(RunLedger.Entry e) {
    ledger.record(e);
    history.add(e);
  }

  private Map<String, Long> versions(List<? extends TableDef> tables) {
    Map<String, Long> v = new TreeMap<>();
    lake.versions(tables).forEach((t, n) -> v.put(t.shortName(), n));
    return v;
  }
}
