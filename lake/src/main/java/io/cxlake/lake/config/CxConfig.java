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
    ReturnRiskSettings returnRisk) {

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
      List<String> humanOnly,
      double maxUnknownWordShare) {}

  /** The data-quality gate after ingest: what share of bad rows, and how few events, block. */
  public record GateSettings(double maxQuarantineShare, int minEvents) {}

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
}
