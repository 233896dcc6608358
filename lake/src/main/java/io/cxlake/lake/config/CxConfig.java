package io.cxlake.lake.config;

import java.util.Map;

/** The whole typed configuration of one run. Built by {@link ConfigLoader}; immutable. */
public record CxConfig(
    SparkSettings spark,
    LakeSettings lake,
    SecretsSettings secrets,
    IngestSettings ingest,
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
}
