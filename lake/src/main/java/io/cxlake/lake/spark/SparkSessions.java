package io.cxlake.lake.spark;

import io.cxlake.lake.config.CxConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession factory, for production and tests. It sets only what correctness needs (UTC,
 * Delta's extension and catalog, dynamic partition overwrite); sizing comes from {@code spark.conf}
 * in the config.
 */
public final class SparkSessions {
  private SparkSessions() {}

  /** Settings every cxlake session carries, whatever the cluster. */
  public static Map<String, String> required() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension");
    s.put("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog");
    s.put("spark.sql.session.timeZone", "UTC");
    s.put("spark.sql.sources.partitionOverwriteMode", "dynamic");
    return s;
  }

  /** A session for a job: the master from config unless spark-submit already set one. */
  public static SparkSession create(CxConfig.SparkSettings settings) {
    SparkSession.Builder b = SparkSession.builder().appName(settings.appName());
    if (!new SparkConf().contains("spark.master")) {
      b.master(settings.master());
    }
    settings.conf().forEach(b::config);
    required().forEach(b::config);
    return b.getOrCreate();
  }

  /**
   * The test profile: {@code local[2]}, no UI, 2 shuffle partitions, the driver on loopback, and
   * {@code ConvertToLocalRelation} excluded so that a closure that would not serialize on a cluster
   * fails here too.
   */
  public static SparkSession forTests(String warehouseDir) {
    SparkSession.Builder b =
        SparkSession.builder()
            .appName("cxlake-test")
            .master("local[2]")
            .config("spark.ui.enabled", "false")
            .config("spark.sql.shuffle.partitions", "2")
            .config("spark.default.parallelism", "2")
            // VACUUM lists a table's folders in this many tasks (10000 by default): minutes here.
            .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "2")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.sql.warehouse.dir", warehouseDir)
            .config(
                "spark.sql.optimizer.excludedRules",
                "org.apache.spark.sql.catalyst.optimizer.ConvertToLocalRelation")
            // Tiny tables: few partitions for Delta's snapshot state, no adaptive re-planning.
            .config("spark.databricks.delta.snapshotPartitions", "2")
            .config("spark.sql.adaptive.enabled", "false")
            // Tiny data: generating and compiling code costs more than the work, and without
            // whole-stage code every task of every operator generates its projections again.
            // Interpreted evaluation gives the same results. Jobs and the demo keep both.
            .config("spark.sql.codegen.wholeStage", "false")
            .config("spark.sql.codegen.factoryMode", "NO_CODEGEN");
    required().forEach(b::config);
    return b.getOrCreate();
  }
}
