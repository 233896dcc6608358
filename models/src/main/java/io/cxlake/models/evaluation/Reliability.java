package io.cxlake.models.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Calibration: the reliability curve (equal-width probability bins, mean predicted vs observed rate
 * in each) and the expected calibration error, the bins' |predicted − observed| weighted by their
 * share of examples. A probability of exactly 1 falls in the last bin.
 */
public final class Reliability {
  private Reliability() {}

  /** One bin of the curve: [lower, upper), its example count, mean probability, positive rate. */
  public record Bin(
      int index,
      double lower,
      double upper,
      long count,
      double meanPredicted,
      double observedRate) {}

  /** The non-empty bins of {@code bins} equal-width bins over [0, 1], in order. */
  public static List<Bin> curve(double[] probabilities, int[] labels, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("a reliability curve needs at least one bin, not " + bins);
    }
    if (probabilities.length != labels.length || probabilities.length == 0) {
      throw new IllegalArgumentException(
          "a reliability curve needs as many labels as probabilities and at least one example ("
              + probabilities.length
              + " probabilities, "
              + labels.length
              + " labels)");
    }
    Probabilities.require(probabilities, "reliability curve");
    long[] n = new long[bins];
    double[] sumP = new double[bins];
    long[] pos = new long[bins];
    for (int i = 0; i < probabilities.length; i++) {
      if (labels[i] != 0 && labels[i] != 1) {
        throw new IllegalArgumentException(
            "reliability curve: label " + labels[i] + " at " + i + " is neither 0 nor 1");
      }
      int b = Math.min(bins - 1, (int) (probabilities[i] * bins));
      n[b]++;
      sumP[b] += probabilities[i];
      pos[b] += labels[i];
    }
    List<Bin> out = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (n[b] > 0) {
        out.add(
            new Bin(
                b,
                (double) b / bins,
                (double) (b + 1) / bins,
                n[b],
                sumP[b] / n[b],
                (double) pos[b] / n[b]));
      }
    }
    return out;
  }

  /** Expected calibration error over {@code bins} equal-width bins. */
  public static double ece(double[] probabilities, int[] labels, int bins) {
    return ece(curve(probabilities, labels, bins));
  }

  /** Expected calibration error of a computed curve. */
  public static double ece(List<Bin> curve) {
    long total = curve.stream().mapToLong(Bin::count).sum();
    double e = 0;
    for (Bin b : curve) {
      e += (double) b.count() / total * Math.abs(b.meanPredicted() - b.observedRate());
    }
    return e;
  }
}
