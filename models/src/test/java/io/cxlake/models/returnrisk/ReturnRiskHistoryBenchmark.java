package io.cxlake.models.returnrisk;

import io.cxlake.lake.testing.SparkExtension;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The history-length table in benchmarks/return-risk.md: the planted test's fit, for each history
 * length in {@code history.days} (days:customers pairs) and each seed in {@code history.seeds},
 * with about as many lines per run (fewer customers for longer spans). Run by hand, it is not part
 * of the build: {@code mvn -B -q test -pl models -am -Dtest=ReturnRiskHistoryBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false -Dhistory.days=120:4000,240:2000,365:1315
 * -Dhistory.seeds=7}.
 */
@EnabledIfSystemProperty(named = "history.days", matches = ".+")
@ExtendWith(SparkExtension.class)
class ReturnRiskHistoryBenchmark {
  @Test
  void oracleInformedAndModelByHistoryLength() {
    StringBuilder table =
        new StringBuilder(
            "| history days | seed | customers | test lines | oracle | informed | model |"
                + " model/oracle | model/informed | ECE | seconds |\n");
    for (String spec : System.getProperty("history.days").split(",")) {
      String[] dc = spec.trim().split(":");
      int days = Integer.parseInt(dc[0]);
      int users = Integer.parseInt(dc[1]);
      for (String s : System.getProperty("history.seeds", "7").split(",")) {
        long seed = Long.parseLong(s.trim());
        long t0 = System.nanoTime();
        Dataset<Row> examples =
            PlantedReturns.draw(SparkExtension.spark(), seed, users, days, 0.05).cache();
        TimeSplit split = TimeSplit.of(examples, 0.2, 0.2);
        ReturnRiskModel model =
            new ReturnRiskTrainer(0.0, 20).fit(split.train(), split.calibration(), "bench");
        Dataset<Row> test = model.score(split.test(), 0.2, 0.4).cache();
        Evaluation eval = Evaluation.of(test, model.baseRate(), 10);
        PlantedReturns.Ceilings c = PlantedReturns.Ceilings.of(test);
        double oracle = c.oracle();
        double ceiling = c.informed();
        double auc = eval.model().get("auc_roc");
        String row =
            String.format(
                Locale.ROOT,
                "| %d | %d | %,d | %,d | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %.0f |%n",
                days,
                seed,
                users,
                eval.lines(),
                oracle,
                ceiling,
                auc,
                auc / oracle,
                auc / ceiling,
                eval.model().get("ece"),
                (System.nanoTime() - t0) / 1e9);
        System.out.print("history: " + row);
        table.append(row);
        test.unpersist();
        examples.unpersist();
      }
    }
    System.out.println(table);
  }
}
