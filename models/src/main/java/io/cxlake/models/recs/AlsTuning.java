package io.cxlake.models.recs;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * ALS hyper-parameters chosen on nDCG@k of a validation split (not RMSE: implicit confidences are
 * not ratings to predict). A small coordinate search: rank, then regParam, then alpha, then
 * iterations, each tried over its few values with the others held at the best so far.
 */
public final class AlsTuning {
  /** The values tried per parameter. */
  public record Grid(int[] ranks, double[] regParams, double[] alphas, int[] iterations) {
    public static final Grid SMALL =
        new Grid(
            new int[] {16, 32, 64},
            new double[] {0.01, 0.1, 1.0},
            new double[] {1, 10, 40},
            new int[] {10, 20});
  }

  /** One fit and its validation nDCG@k. */
  public record Trial(AlsParams params, double ndcg) {}

  /** The best params, their score and every trial in order. */
  public record Outcome(AlsParams best, double ndcg, List<Trial> trials) {}

  private AlsTuning() {}

  public static Outcome tune(
      Dataset<Row> train,
      Dataset<Row> validation,
      AlsParams start,
      Grid grid,
      int k,
      boolean excludeSeen) {
    List<Trial> trials = new ArrayList<>();
    Trial best = trial(train, validation, start, k, excludeSeen, trials);
    for (int r : grid.ranks()) {
      best =
          better(best, trial(train, validation, best.params().withRank(r), k, excludeSeen, trials));
    }
    for (double v : grid.regParams()) {
      best =
          better(
              best,
              trial(train, validation, best.params().withRegParam(v), k, excludeSeen, trials));
    }
    for (double v : grid.alphas()) {
      best =
          better(
              best, trial(train, validation, best.params().withAlpha(v), k, excludeSeen, trials));
    }
    for (int v : grid.iterations()) {
      best =
          better(
              best, trial(train, validation, best.params().withMaxIter(v), k, excludeSeen, trials));
    }
    return new Outcome(best.params(), best.ndcg(), trials);
  }

  private static Trial better(Trial a, Trial b) {
    return b.ndcg() > a.ndcg() ? b : a;
  }

  private static Trial trial(
      Dataset<Row> train,
      Dataset<Row> validation,
      AlsParams p,
      int k,
      boolean excludeSeen,
      List<Trial> trials) {
    for (Trial t : trials) {
      if (t.params().equals(p)) {
        return t;
      }
    }
    Als als = Als.fit(train, p);
    Trial t = new Trial(p, RankingEvaluation.of(als, train, validation, k, excludeSeen).ndcg());
    trials.add(t);
    return t;
  }
}
