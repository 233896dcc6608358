package io.cxlake.jobs.nightly;

import io.cxlake.lake.config.CxConfig.GateSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The data-quality rules on one day's metrics against their history: plain arithmetic, so each rule
 * is unit-tested. Returns one sentence per broken rule; none means the day passes.
 */
public final class QualityRules {
  private QualityRules() {}

  public static List<String> check(
      List<QualityMetrics.Metric> today, Map<String, List<Double>> history, GateSettings s) {
    List<String> problems = new ArrayList<>();
    for (QualityMetrics.Metric m : today) {
      if (m.metric().equals("row_count") && !m.table().equals("all")) {
        List<Double> past = history.getOrDefault(m.key(), List.of());
        if (past.size() < s.minHistoryDays()) {
          continue;
        }
        double median = median(past);
        if (median < s.minMedianRows()) {
          continue;
        }
        double ratio = m.value() / median;
        if (ratio > s.maxRowCountFactor() || ratio < 1 / s.maxRowCountFactor()) {
          problems.add(
              String.format(
                  "%s has %.0f rows, %.1f× the median %.0f of its last %d days (allowed: %.1f× either"
                      + " way, gates.max-row-count-factor)",
                  m.table(), m.value(), ratio, median, past.size(), s.maxRowCountFactor()));
        }
      } else if (m.metric().startsWith("completeness.") && m.value() < s.minCompleteness()) {
        problems.add(
            String.format(
                "%s.%s is missing in %.1f%% of the day's %s rows (completeness %.1f%% <"
                    + " gates.min-completeness %.1f%%)",
                m.table(),
                m.metric().substring("completeness.".length()),
                100 * (1 - m.value()),
                m.table(),
                100 * m.value(),
                100 * s.minCompleteness()));
      } else if (m.metric().equals("key_uniqueness") && m.value() < 1) {
        problems.add(
            String.format(
                "%s holds duplicate keys among the day's rows (uniqueness %.4f)",
                m.table(), m.value()));
      } else if (m.metric().equals("freshness_days") && m.value() > s.maxStalenessDays()) {
        problems.add(
            m.value() >= QualityMetrics.NEVER
                ? "there are no events at all"
                : String.format(
                    "the newest event is %.0f days older than the run date (gates.max-staleness-days"
                        + " %d): no data for the day?",
                    m.value(), s.maxStalenessDays()));
      }
    }
    return problems;
  }

  /** The median (the mean of the middle two for an even count). */
  static double median(List<Double> values) {
    double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
