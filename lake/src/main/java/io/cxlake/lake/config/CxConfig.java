package io.cxlake.lake.config;

import java.util.Map;

/** The whole typed configuration of one run. Built by {@link ConfigLoader}; immutable. */
public record CxConfig(
    SparkSettings spark,
    LakeSettings lake,
    SecretsSettings secrets,
    IngestSettings ingest,
    FeatureSettings features,
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

  /** Which serving store to publish to and where. */
  public record ServingSettings(String store, String sqlitePath) {}
}
