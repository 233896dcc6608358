package io.cxlake.lake.config;

import java.util.List;
import java.util.Map;

/** The whole typed configuration of one run. Built by {@link ConfigLoader}; immutable. */
public record CxConfig(
    SparkSettings spark,
    LakeSettings lake,
    SecretsSettings secrets,
    IngestSettings ingest,
    FeatureSettings features,
    ImpactSettings impact,
    ServingSettings serving,
    IntentsSettings intents,
    GateSettings gates,
    NightlySettings nightly,
    ReturnRiskSettings returnRisk,
    RetentionSettings retention,
    GovernanceSettings governance,
    RecsSettings recs) {

  /** Spark master, application name and pass-through Spark settings. */
  public record SparkSettings(String master, String appName, Map<String, String> conf) {}

  /** Where the Delta tables and the landing zone live. */
  public record LakeSettings(String root, String landing) {}

  /** Names of the environment variables that hold secrets (never the secrets themselves). */
  public record SecretsSettings(String pseudonymKeyEnv) {}

  /** Ingest validation limits. */
  public record IngestSettings(int maxFieldChars, int futureToleranceHours) {}

  /**
   * Feature definitions: implicit-feedback weights per event kind, the interaction half-life, and
   * the co-visitation window and list length.
   */
  public record FeatureSettings(
      double viewWeight,
      double cartWeight,
      double purchaseWeight,
      double halfLifeDays,
      int covisitationWindowDays,
      int covisitationTopN,
      int interactionSnapshots) {}

  /**
   * What {@code measure} needs beyond the lake: the analysis window, the pre-period, the configured
   * split, and the unit values of ROI.
   */
  public record ImpactSettings(
      int windowDays,
      int prePeriodDays,
      double treatmentShare,
      double grossMargin,
      double costPerAgentMinute,
      double costPerReturnedItem,
      double incentiveCostPerUser,
      double operatingCostPerDay) {}

  /**
   * Which serving store to publish to and where; how many published versions to keep for rollback;
   * how hard to try a store that does not answer; how many connections write in parallel.
   */
  public record ServingSettings(
      String store,
      String sqlitePath,
      int retainVersions,
      int maxConnections,
      int batchSize,
      int connectAttempts,
      int retryBackoffMs,
      PostgresSettings postgres,
      RedisSettings redis) {}

  /** PostgreSQL serving store: JDBC url, user, and the env variable holding the password. */
  public record PostgresSettings(String url, String user, String passwordEnv) {}

  /** Redis serving store: host, port, key prefix, and the env variable holding the password. */
  public record RedisSettings(String host, int port, String keyPrefix, String passwordEnv) {}

  /**
   * The support-intent classifier: where agents' intent tags come from, the training window, the
   * precision an automated route must reach on validation data, the intents only a person handles,
   * and when a ticket's words are too unfamiliar to trust the model.
   */
  public record IntentsSettings(
      String labels,
      int trainDays,
      double precisionTarget,
      int minValidationSupport,
      int minTestTickets,
      List<String> humanOnly,
      double maxUnknownWordShare) {}

  /**
   * The gates before publish. Data quality after ingest: what share of bad rows and how few events
   * block; a table's row count more than {@code maxRowCountFactor} away from its median over the
   * {@code historyDays} before (judged once {@code minHistoryDays} of history exist and the median
   * is at least {@code minMedianRows}, below which day-to-day noise is the rule); required columns
   * less complete than {@code minCompleteness}; key duplicates; the newest event older than {@code
   * maxStalenessDays}. Drift: PSI of each model feature and of the scores against the training
   * reference over {@code psiBins} bins, a warning from {@code psiWarn}, a block from {@code
   * psiBlock}. Models: a challenger that beats its baseline still loses to the champion when its
   * gate metric is more than {@code championTolerance} (relative) below the champion's.
   */
  public record GateSettings(
      double maxQuarantineShare,
      int minEvents,
      int historyDays,
      int minHistoryDays,
      int minMedianRows,
      double maxRowCountFactor,
      double minCompleteness,
      int maxStalenessDays,
      double psiWarn,
      double psiBlock,
      int psiBins,
      int psiMinRows,
      double championTolerance) {

    /** The quarantine and event-count thresholds with every other gate at its default. */
    public static GateSettings basic(double maxQuarantineShare, int minEvents) {
      return new GateSettings(
          maxQuarantineShare, minEvents, 14, 3, 100, 3.0, 0.99, 0, 0.1, 0.25, 10, 200, 0.02);
    }
  }

  /** The nightly run: how long a crashed run's lock blocks the date. */
  public record NightlySettings(int lockTtlMinutes) {}

  /**
   * The return-risk classifier: the label window, how the labelled lines are split by time into
   * train, calibration and test slices, regularisation, the smallest count for a category to get
   * its own coefficient, the risk bands, and the fairness check (flag = high band).
   */
  public record ReturnRiskSettings(
      int labelDays,
      double calibrationShare,
      double testShare,
      double regParam,
      int minCategoryCount,
      double mediumBand,
      double highBand,
      int reliabilityBins,
      double maxFairnessGap,
      int minSegmentLines,
      boolean blockOnFairness) {}

  /**
   * The recommenders' pipeline: list lengths, what makes a user "active" (session layer) or short
   * of history (no collaborative layers), the blend weights per layer, the filters, the time-based
   * holdout and the champion gate's tolerance (relative nDCG below the champion still accepted).
   */
  public record RecsSettings(
      int k,
      int candidates,
      int similarItems,
      int popularItems,
      int minHistory,
      int sessionWindowDays,
      boolean excludeBought,
      List<String> forbiddenCategories,
      List<String> forbiddenItems,
      int holdoutDays,
      boolean tuneWeights,
      int tuneUsers,
      double tolerance,
      int contentFeatures,
      Map<String, Double> weights,
      AlsSettings als) {

    /** The implicit ALS layer: whether it runs, and its hyper-parameters. */
    public record AlsSettings(
        boolean enabled, int rank, double regParam, double alpha, int iterations) {}

    /** The blend weight of a layer; collaborative layers share {@code collaborative}'s. */
    public double weight(String layer) {
      Double w = weights.get(layer);
      return w != null ? w : weights.getOrDefault("collaborative", 0.0);
    }
  }

  /**
   * Retention of raw rows: per table, the days of rows kept before the run date (by the table's
   * date partition; 0 keeps all), and the retention VACUUM applies afterwards.
   */
  public record RetentionSettings(Map<String, Integer> days, int vacuumHours) {}

  /**
   * Consent and regional policy, and the catalogue of automations. A region not listed follows the
   * policy named {@code default}.
   */
  public record GovernanceSettings(
      Map<String, RegionPolicy> regions, Map<String, AutomationSpec> automations) {

    /** The policy of a region, or the default one. */
    public RegionPolicy region(String region) {
      RegionPolicy p = region == null ? null : regions.get(region);
      return p != null ? p : regions.get(DEFAULT_REGION);
    }
  }

  /** The region whose policy applies to every region the config does not list. */
  public static final String DEFAULT_REGION = "default";

  /** The consent purposes a customers export states. */
  public static final List<String> PURPOSES = List.of("personalisation", "marketing", "profiling");

  /**
   * One region's policy: the automations that may run for its customers, and the purposes that need
   * an explicit grant (opt-in); every other purpose is opt-out: allowed unless withdrawn.
   */
  public record RegionPolicy(List<String> automations, List<String> explicitConsent) {}

  /**
   * One automation in the catalogue: who owns it, the consent purpose it needs (null: none), when
   * it started and retired (null: not retired), and what it does.
   */
  public record AutomationSpec(
      String owner,
      String purpose,
      java.time.LocalDate started,
      java.time.LocalDate retired,
      String description) {}
}
