package io.cxlake.lake.config;

import java.util.Map;

/** The whole typed configuration of one run. Built by {@link ConfigLoader}; immutable. */
public record CxConfig(
    SparkSettings spark,
    LakeSettings lake,
    SecretsSettings secrets,
    IngestSettings ingest,
    ImpactSettings impact,
    ServingSettings serving) {

  /** Spark master, application name and pass-through Spark settings. */
  public record SparkSettings(String master, String appName, Map<String, String> conf) {}

  /** Where the Delta tables and the landing zone live. */
  public record LakeSettings(String root, String landing) {}

  /** Names of the environment variables that hold secrets (never the secrets themselves). */
  public record SecretsSettings(String pseudonymKeyEnv) {}

  /** Ingest validation limits. */
  public record IngestSettings(int maxFieldChars, int futureToleranceHours) {}

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

  /** Which serving store to publish to and where. */
  public record ServingSettings(String store, String sqlitePath) {}
}
