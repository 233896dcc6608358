package io.cxlake.models.drift;

import java.util.Arrays;

/**
 * Population stability index, plain Java: PSI = Σ_i (c_i − r_i) · ln(c_i / r_i) over bins fixed
 * from the reference, where r_i and c_i are the reference's and the current data's shares of bin i.
 * An empty bin counts as a share of {@link #EPSILON}, so one unseen bin raises the index sharply
 * instead of making it infinite. Rules of thumb: below 0.1 stable, 0.1–0.25 a shift worth a look,
 * above 0.25 a shift that invalidates the model's training.
 */
public final class Psi {
  /** The share an empty bin is counted as. */
  public static final double EPSILON = 1e-4;

  private Psi() {}

  /** PSI of two histograms over the same bins (counts, not shares). */
  public static double of(long[] reference, long[] current) {
    if (reference.length != current.length) {
      throw new IllegalArgumentException(
          "histograms differ in bins: " + reference.length + " vs " + current.length);
    }
    double r = Arrays.stream(reference).sum();
    double c = Arrays.stream(current).sum();
    if (r == 0 || c == 0) {
      throw new IllegalArgumentException("a histogram is empty");
    }
    double psi = 0;
    for (int i = 0; i < reference.length; i++) {
      double ri = Math.max(reference[i] / r, EPSILON);
      double ci = Math.max(current[i] / c, EPSILON);
      psi += (ci - ri) * Math.log(ci / ri);
    }
    return psi;
  }

  /**
   * Upper edges of {@code bins} equal-count bins of the reference (its quantiles), duplicates
   * dropped: a value v falls in the first bin whose edge is ≥ v, or in the last, open bin.
   */
  public static double[] edges(double[] reference, int bins) {
    if (bins < 2) {
      throw new IllegalArgumentException("need at least 2 bins, got " + bins);
    }
    double[] sorted = reference.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new double[0];
    }
    double[] quantiles = new double[bins - 1];
    for (int k = 1; k < bins; k++) {
      int at = (int) Math.ceil(k * sorted.length / (double) bins) - 1;
      quantiles[k - 1] = sorted[Math.max(0, Math.min(sorted.length - 1, at))];
    }
    return edgesFromQuantiles(quantiles, sorted[sorted.length - 1]);
  }

  /**
   * Bin edges from the reference's quantiles (however computed) and its maximum: sorted, duplicates
   * dropped, and no edge at the maximum, which would leave the last bin empty by construction.
   */
  public static double[] edgesFromQuantiles(double[] quantiles, double max) {
    double[] q = quantiles.clone();
    Arrays.sort(q);
    double[] out = new double[q.length];
    int n = 0;
    for (double v : q) {
      if (v < max && (n == 0 || v > out[n - 1])) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The bin of a value: the first edge ≥ value, else the last bin ({@code edges.length}). */
  public static int bin(double value, double[] edges) {
    int i = Arrays.binarySearch(edges, value);
    return i >= 0 ? i : -i - 1;
  }

  /** Counts per bin of the values over the edges ({@code edges.length + 1} bins). */
  public static long[] histogram(double[] values, double[] edges) {
    long[] h = new long[edges.length + 1];
    for (double v : values) {
      h[bin(v, edges)]++;
    }
    return h;
  }

  /** How a PSI is judged. */
  public enum Level {
    OK,
    WARN,
    BLOCK
  }

  public static Level level(double psi, double warn, double block) {
    return psi >= block ? Level.BLOCK : psi >= warn ? Level.WARN : Level.OK;
  }
}
