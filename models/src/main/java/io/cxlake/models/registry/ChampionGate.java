package io.cxlake.models.registry;

import java.util.OptionalDouble;

/**
 * Whether a challenger replaces the champion, on one metric where higher is better: it must beat
 * the baseline (e.g. popularity) and be no worse than the champion by more than {@code tolerance}
 * (relative: 0.02 allows 2% below the champion).
 */
public final class ChampionGate {
  /** The verdict and the sentence the run prints and the registry keeps. */
  public record Decision(boolean promote, String reason) {}

  private ChampionGate() {}

  public static Decision decide(
      String metric,
      double challenger,
      double baseline,
      OptionalDouble champion,
      double tolerance) {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    if (Double.isNaN(challenger) || challenger <= baseline) {
      return new Decision(
          false,
          String.format("%s %.4f does not beat the baseline's %.4f", metric, challenger, baseline));
    }
    if (champion.isPresent() && challenger < champion.getAsDouble() * (1 - tolerance)) {
      return new Decision(
          false,
          String.format(
              "%s %.4f is more than %.1f%% below the champion's %.4f",
              metric, challenger, tolerance * 100, champion.getAsDouble()));
    }
    return new Decision(
        true,
        champion.isPresent()
            ? String.format(
                "%s %.4f beats the baseline's %.4f and is within %.1f%% of (or above) the"
                    + " champion's %.4f",
                metric, challenger, baseline, tolerance * 100, champion.getAsDouble())
            : String.format(
                "%s %.4f beats the baseline's %.4f; no champion yet",
                metric, challenger, baseline));
  }
}
