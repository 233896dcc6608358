package io.cxlake.models.impact;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Adjusted p-values across the metrics of one automation, returned in the input order. NaN inputs
 * (undefined metrics) stay NaN and do not count towards m.
 */
public final class MultipleTesting {

  private MultipleTesting() {}

  /**
   * Benjamini–Hochberg (1995) false-discovery-rate adjustment: with p sorted ascending, p̃₍ᵢ₎ = min
   * over j ≥ i of min(1, m·p₍ⱼ₎ / j).
   */
  public static double[] benjaminiHochberg(double[] pValues) {
    int[] order = ascending(pValues);
    int m = order.length;
    double[] adjusted = nanLike(pValues);
    double running = 1;
    for (int rank = m; rank >= 1; rank--) {
      int i = order[rank - 1];
      running = Math.min(running, pValues[i] * m / rank);
      adjusted[i] = running;
    }
    return adjusted;
  }

  /**
   * Holm (1979) step-down family-wise adjustment: with p sorted ascending, p̃₍ᵢ₎ = max over j ≤ i
   * of min(1, (m − j + 1)·p₍ⱼ₎).
   */
  public static double[] holm(double[] pValues) {
    int[] order = ascending(pValues);
    int m = order.length;
    double[] adjusted = nanLike(pValues);
    double running = 0;
    for (int rank = 1; rank <= m; rank++) {
      int i = order[rank - 1];
      running = Math.max(running, Math.min(1, (m - rank + 1) * pValues[i]));
      adjusted[i] = running;
    }
    return adjusted;
  }

  // Indices of the defined p-values, smallest p first.
  private static int[] ascending(double[] p) {
    for (double v : p) {
      if (v < 0 || v > 1) {
        throw new IllegalArgumentException("p-values must lie in [0, 1], got " + v);
      }
    }
    return IntStream.range(0, p.length)
        .filter(i -> !Double.isNaN(p[i]))
        .boxed()
        .sorted(Comparator.comparingDouble(i -> p[i]))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  private static double[] nanLike(double[] p) {
    double[] a = new double[p.length];
    Arrays.fill(a, Double.NaN);
    return a;
  }
}
