package io.cxlake.models.intents;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * How the model did on one slice of tagged tickets: the confusion matrix of all tickets (whatever
 * their route) and the precision of the automated ones, from one grouped pass.
 *
 * @param automatedCorrect automated tickets whose predicted intent was the tagged one
 */
public record SliceEvaluation(
    String slice, Map<String, Map<String, Long>> confusion, long automated, long automatedCorrect) {

  /** {@code scored} has {@code actual, intent, route}; rows without a tag are left out. */
  public static SliceEvaluation of(String slice, Dataset<Row> scored) {
    Map<String, Map<String, Long>> confusion = new TreeMap<>();
    long automated = 0;
    long automatedCorrect = 0;
    List<Row> cells =
        scored
            .where(col("actual").isNotNull())
            .groupBy("actual", "intent", "route")
            .count()
            .collectAsList();
    for (Row r : cells) {
      String actual = r.getString(0);
      String predicted = r.getString(1);
      long n = r.getLong(3);
      confusion.computeIfAbsent(actual, k -> new TreeMap<>()).merge(predicted, n, Long::sum);
      if (Route.AUTOMATE.equals(r.getString(2))) {
        automated += n;
        automatedCorrect += actual.equals(predicted) ? n : 0;
      }
    }
    return new SliceEvaluation(slice, confusion, automated, automatedCorrect);
  }

  public long tickets() {
    return confusion.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(Long::longValue)
        .sum();
  }

  public List<ClassMetrics.PerClass> perClass() {
    return ClassMetrics.of(confusion);
  }

  public double macroF1() {
    return ClassMetrics.macroF1(perClass());
  }

  public double accuracy() {
    return ClassMetrics.accuracy(confusion);
  }

  /** Precision of the automated routes; NaN when none were automated. */
  public double automatedPrecision() {
    return automated == 0 ? Double.NaN : (double) automatedCorrect / automated;
  }

  /** Share of the slice's tickets routed to automation. */
  public double containment() {
    long n = tickets();
    return n == 0 ? Double.NaN : (double) automated / n;
  }
}
