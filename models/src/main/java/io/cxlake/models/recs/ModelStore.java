package io.cxlake.models.recs;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxlake.models.registry.ModelVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Trained recs models under {@code <lake.root>/models/recs/<version>/}: {@code model.json} (the
 * blend weights, the fit's hyper-parameters, the holdout metrics, the training range) and {@code
 * content/} (the content similarity of the fit, Parquet). The layers are refitted on fresh data at
 * every scoring; what a champion fixes is its recipe: weights and hyper-parameters.
 */
public final class ModelStore {
  public static final String MODEL = "recs";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SparkSession spark;
  private final String root;

  public ModelStore(SparkSession spark, String lakeRoot) {
    this.spark = spark;
    this.root = lakeRoot + "/models/" + MODEL;
  }

  public String dir(String version) {
    return root + "/" + version;
  }

  /** Writes the version's files, replacing an earlier run's of the same version. */
  public void save(ModelVersion v, Map<String, Double> weights, Dataset<Row> content) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("model", v.model());
    doc.put("version", v.version());
    doc.put("run_date", String.valueOf(v.runDate()));
    doc.put("train_from", String.valueOf(v.trainFrom()));
    doc.put("train_to", String.valueOf(v.trainTo()));
    doc.put("weights", weights);
    doc.put("params", v.params());
    doc.put("metrics", v.metrics());
    doc.put("feature_versions", v.featureVersions());
    content.write().mode("overwrite").parquet(dir(v.version()) + "/content");
    Path p = new Path(dir(v.version()) + "/model.json");
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      try (OutputStream out = fs.create(p, true)) {
        out.write(
            JSON.writerWithDefaultPrettyPrinter()
                .writeValueAsString(doc)
                .getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }

  /** The blend weights of a stored version; empty when it has no model.json. */
  public Optional<Map<String, Double>> weights(String version) {
    Path p = new Path(dir(version) + "/model.json");
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(p)) {
        return Optional.empty();
      }
      try (InputStream in = fs.open(p)) {
        Map<String, Object> doc = JSON.readValue(in, new TypeReference<Map<String, Object>>() {});
        Map<String, Double> w = new LinkedHashMap<>();
        Object raw = doc.get("weights");
        if (!(raw instanceof Map<?, ?> m)) {
          throw new IllegalStateException(p + " has no weights object");
        }
        m.forEach((k, x) -> w.put(String.valueOf(k), ((Number) x).doubleValue()));
        return Optional.of(w);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + p, e);
    }
  }
}
