package io.cxlake.jobs.bench;

import java.util.List;
import java.util.Optional;

/**
 * A ratio of two measures' seconds with its goal: {@code atMost} is true when the ratio must stay
 * at or below the goal (time over a floor), false when it must reach it (throughput vs a floor,
 * stated as floor seconds over ours).
 */
public record Ratio(
    String name, String numerator, String denominator, double goal, boolean atMost, String note) {

  /** The ratio's value from the measures, if both were measured. */
  public Optional<Double> value(List<Measure> measures) {
    Optional<Measure> n = find(measures, numerator);
    Optional<Measure> d = find(measures, denominator);
    if (n.isEmpty() || d.isEmpty() || !n.get().measured() || !d.get().measured()) {
      return Optional.empty();
    }
    return Optional.of(n.get().seconds() / d.get().seconds());
  }

  /** "met", "missed", "no goal" or "not measured". */
  public String verdict(List<Measure> measures) {
    return value(measures)
        .map(
            v ->
                Double.isNaN(goal)
                    ? "no goal"
                    : (atMost ? v <= goal : v >= goal) ? "met" : "missed")
        .orElse("not measured");
  }

  static Optional<Measure> find(List<Measure> measures, String key) {
    return measures.stream().filter(m -> (m.group() + ": " + m.name()).equals(key)).findFirst();
  }
}
