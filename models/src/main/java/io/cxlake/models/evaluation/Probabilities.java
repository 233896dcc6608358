package io.cxlake.models.evaluation;

/** Checks that values are probabilities, so a raw score is not silently scored as one. */
final class Probabilities {
  private Probabilities() {}

  static void require(double[] p, String metric) {
    for (int i = 0; i < p.length; i++) {
      if (!(p[i] >= 0 && p[i] <= 1)) {
        throw new IllegalArgumentException(
            metric + ": value " + p[i] + " at " + i + " is not a probability in [0, 1]");
      }
    }
  }
}
