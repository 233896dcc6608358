package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.col;

import io.cxlake.lake.config.CxConfig.IntentsSettings;
import io.cxlake.models.intents.ThresholdSelection.Choice;
import io.cxlake.models.intents.ThresholdSelection.Prediction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Spark side of threshold selection: collects the validation predictions (one row per ticket, so a
 * few thousand at most) and runs {@link ThresholdSelection} per predicted intent.
 */
final class Thresholds {
  private Thresholds() {}

  /** {@code predicted} has {@code intent, confidence, actual}; returns a choice for every label. */
  static Map<String, Choice> choose(
      Dataset<Row> predicted, List<String> labels, IntentsSettings settings) {
    Map<String, List<Prediction>> byIntent = new HashMap<>();
    for (Row r :
        predicted.select(col("intent"), col("confidence"), col("actual")).collectAsList()) {
      byIntent
          .computeIfAbsent(r.getString(0), k -> new ArrayList<>())
          .add(new Prediction(r.getDouble(1), r.getString(0).equals(r.getString(2))));
    }
    Map<String, Choice> out = new LinkedHashMap<>();
    for (String l : labels) {
      out.put(
          l,
          ThresholdSelection.choose(
              byIntent.getOrDefault(l, List.of()),
              settings.precisionTarget(),
              settings.minValidationSupport()));
    }
    return out;
  }
}
