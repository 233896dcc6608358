package io.cxlake.models.registry;

import java.time.LocalDate;
import java.util.Map;

/**
 * A trained model version as registered: what it was fitted with and on, and how it scored on its
 * validation data (metric names like {@code ndcg_at_10}, {@code auc_roc}).
 */
public record ModelVersion(
    String model,
    String version,
    LocalDate runDate,
    Map<String, String> params,
    Map<String, Double> metrics,
    LocalDate trainFrom,
    LocalDate trainTo,
    Map<String, Long> featureVersions) {

  /** The version id a nightly run gives a model: its name and run-date, so a rerun reuses it. */
  public static String versionFor(String model, LocalDate runDate) {
    return model + "-" + runDate;
  }
}
