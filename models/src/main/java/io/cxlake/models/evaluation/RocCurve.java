package io.cxlake.models.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ROC curve of a binary classifier: one point per distinct score threshold, highest first, from
 * (0, 0) to (1, 1). Stored beside the model so a report can draw it without the test lines.
 */
public final class RocCurve {
  private RocCurve() {}

  /** Lines scoring at least {@code threshold} are flagged: their false and true positive rates. */
  public record Point(double threshold, double fpr, double tpr) {}

  /**
   * The curve, thinned to at most {@code maxPoints} points (the first and last always kept), so a
   * large test slice stores a small table. Needs both classes.
   */
  public static List<Point> of(double[] scores, int[] labels, int maxPoints) {
    if (maxPoints < 2) {
      throw new IllegalArgumentException("a ROC curve needs at least 2 points, not " + maxPoints);
    }
    if (scores.length != labels.length || scores.length == 0) {
      throw new IllegalArgumentException(
          "ROC curve: " + scores.length + " scores but " + labels.length + " labels");
    }
    Integer[] idx = new Integer[scores.length];
    long pos = 0;
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
      pos += labels[i];
    }
    long neg = scores.length - pos;
    if (pos == 0 || neg == 0) {
      throw new IllegalArgumentException("ROC curve is undefined without both classes");
    }
    Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
    List<Point> all = new ArrayList<>();
    all.add(new Point(Double.POSITIVE_INFINITY, 0, 0));
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < idx.length) {
      double s = scores[idx[i]];
      // Tied scores are one threshold: they enter the flagged set together.
      while (i < idx.length && scores[idx[i]] == s) {
        if (labels[idx[i]] == 1) {
          tp++;
        } else {
          fp++;
        }
        i++;
      }
      all.add(new Point(s, (double) fp / neg, (double) tp / pos));
    }
    return thin(all, maxPoints);
  }

  /** Every k-th point plus the last, at most {@code max}. */
  private static List<Point> thin(List<Point> all, int max) {
    if (all.size() <= max) {
      return all;
    }
    List<Point> out = new ArrayList<>();
    double step = (all.size() - 1) / (double) (max - 1);
    for (int k = 0; k < max; k++) {
      out.add(all.get((int) Math.round(k * step)));
    }
    return out;
  }
}
