package io.cxlake.models.intents;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Per-class precision, recall and F1 from a confusion matrix, and their macro average. A class
 * never predicted has precision 0 (not NaN), so a model that ignores a class is penalised in the
 * macro average rather than excused from it.
 */
public final class ClassMetrics {
  private ClassMetrics() {}

  /** One class's scores; support is the number of tickets truly of the class. */
  public record PerClass(String label, double precision, double recall, double f1, long support) {}

  /** A confusion matrix as counts keyed by actual, then predicted label. */
  public static List<PerClass> of(Map<String, Map<String, Long>> confusion) {
    TreeSet<String> labels = new TreeSet<>(confusion.keySet());
    confusion.values().forEach(row -> labels.addAll(row.keySet()));
    List<PerClass> out = new ArrayList<>();
    for (String l : labels) {
      long tp = cell(confusion, l, l);
      long actual = confusion.getOrDefault(l, Map.of()).values().stream().mapToLong(x -> x).sum();
      long predicted = 0;
      for (Map<String, Long> row : confusion.values()) {
        predicted += row.getOrDefault(l, 0L);
      }
      double p = predicted == 0 ? 0 : (double) tp / predicted;
      double r = actual == 0 ? 0 : (double) tp / actual;
      double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
      out.add(new PerClass(l, p, r, f1, actual));
    }
    return out;
  }

  /**
   * The unweighted mean F1 over every class that is true or predicted at least once (as
   * scikit-learn's default), so rare intents weigh as much as common ones.
   */
  public static double macroF1(List<PerClass> perClass) {
    return perClass.stream().mapToDouble(PerClass::f1).average().orElse(Double.NaN);
  }

  /**
   * The macro-F1 of always predicting the most frequent true class: the baseline a classifier must
   * beat. That class gets precision = its share s and recall 1, so F1 2s/(1+s); every other class
   * F1 0; the mean is over the classes present. NaN for an empty slice.
   */
  public static double majorityMacroF1(Map<String, Map<String, Long>> confusion) {
    long all = 0;
    long most = 0;
    int present = 0;
    for (Map<String, Long> row : confusion.values()) {
      long n = row.values().stream().mapToLong(Long::longValue).sum();
      all += n;
      most = Math.max(most, n);
      present += n > 0 ? 1 : 0;
    }
    if (all == 0) {
      return Double.NaN;
    }
    double share = (double) most / all;
    return 2 * share / (1 + share) / present;
  }

  public static double accuracy(Map<String, Map<String, Long>> confusion) {
    long right = 0;
    long all = 0;
    for (var row : confusion.entrySet()) {
      for (var cell : row.getValue().entrySet()) {
        all += cell.getValue();
        right += row.getKey().equals(cell.getKey()) ? cell.getValue() : 0;
      }
    }
    return all == 0 ? Double.NaN : (double) right / all;
  }

  private static long cell(Map<String, Map<String, Long>> m, String actual, String predicted) {
    return m.getOrDefault(actual, Map.of()).getOrDefault(predicted, 0L);
  }
}
