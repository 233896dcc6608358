package io.cxlake.models.returnrisk;

import io.cxlake.lake.sim.ReturnModel;
import io.cxlake.models.evaluation.BinaryMetrics;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Return-risk examples shaped as {@code TrainingSet.returnRisk} returns them, drawn like the
 * simulator draws them: the simulator's categories, prices, discounts and several-sizes orders, and
 * its planted {@link ReturnModel} with a latent per-customer propensity z ~ N(0, 1). The customer
 * columns are computed point-in-time from the customer's earlier lines, counting a return only once
 * it has happened (1-14 days after its order), and the kinds of items among them as {@code
 * TrainingSet} counts them (every line ordered on an earlier day). Each row keeps its true
 * probability and its informed probability: the best any model can know point-in-time, the true
 * probability averaged over the posterior of z given the customer's observable return history.
 */
final class PlantedReturns {
  static final String[] CATEGORIES = {
    "shoes", "clothing", "electronics", "home", "beauty", "books", "sports", "toys"
  };
  static final double[] BASE_PRICE = {79, 45, 120, 30, 25, 18, 35, 28};
  static final double[] DISCOUNTS = {0, 0, 0, 0, 0.1, 0.2, 0.3, 0.5};
  static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

  static final StructType SCHEMA =
      new StructType()
          .add("order_id", DataTypes.StringType)
          .add("line_no", DataTypes.IntegerType)
          .add("user_id", DataTypes.StringType)
          .add("item_id", DataTypes.StringType)
          .add("ordered_at", DataTypes.TimestampType)
          .add("order_date", DataTypes.DateType)
          .add("quantity", DataTypes.IntegerType)
          .add("unit_price", DataTypes.DoubleType)
          .add("list_price", DataTypes.DoubleType)
          .add("discount_depth", DataTypes.DoubleType)
          .add("category", DataTypes.StringType)
          .add("size_sensitive", DataTypes.BooleanType)
          .add("variants_in_order", DataTypes.IntegerType)
          .add("basket_lines", DataTypes.IntegerType)
          .add("basket_units", DataTypes.IntegerType)
          .add("channel", DataTypes.StringType)
          .add("device", DataTypes.StringType)
          .add("customer_orders", DataTypes.LongType)
          .add("customer_items_bought", DataTypes.LongType)
          .add("customer_return_rate", DataTypes.DoubleType)
          .add("days_since_prev_return", DataTypes.IntegerType)
          .add("customer_past_items", DataTypes.LongType)
          .add("customer_past_size_sensitive_items", DataTypes.LongType)
          .add("customer_past_several_sizes_items", DataTypes.LongType)
          .add("customer_region", DataTypes.StringType)
          .add("label", DataTypes.IntegerType)
          .add("true_probability", DataTypes.DoubleType)
          .add("planted_several_sizes", DataTypes.DoubleType)
          .add("planted_other_max", DataTypes.DoubleType)
          .add("informed_probability", DataTypes.DoubleType);

  private PlantedReturns() {}

  /** The AUCs a model is judged against: of the true probabilities, and of the informed ones. */
  record Ceilings(double oracle, double informed) {
    static Ceilings of(Dataset<Row> scored) {
      List<Row> rows =
          scored.select("true_probability", "label", "informed_probability").collectAsList();
      int[] y = rows.stream().mapToInt(r -> r.getInt(1)).toArray();
      return new Ceilings(
          BinaryMetrics.aucRoc(rows.stream().mapToDouble(r -> r.getDouble(0)).toArray(), y),
          BinaryMetrics.aucRoc(rows.stream().mapToDouble(r -> r.getDouble(2)).toArray(), y));
    }
  }

  /**
   * A past line of a customer: when it was ordered, what kind of line it was, and when (if ever) it
   * came back.
   */
  private record Past(
      int day, boolean sized, int variants, double discount, double unit, int returnDay) {
    boolean severalSizes() {
      return variants > 1;
    }
  }

  /** The grid of z values the informed probability integrates over. */
  private static final double[] Z_GRID = new double[161];

  static {
    for (int g = 0; g < Z_GRID.length; g++) {
      Z_GRID[g] = -4 + 8.0 * g / (Z_GRID.length - 1);
    }
  }

  /**
   * The posterior of the customer's z (on {@link #Z_GRID}, prior N(0, 1)) given what is observable
   * before {@code today}: which past lines came back, and which have not come back yet, however
   * much of their 14-day return delay has passed. Uses the planted coefficients.
   */
  private static double[] posterior(List<Past> past, int today) {
    double[] logPost = new double[Z_GRID.length];
    for (int g = 0; g < Z_GRID.length; g++) {
      double z = Z_GRID[g];
      double lp = -z * z / 2;
      for (Past p : past) {
        double q = ReturnModel.probability(p.sized(), p.variants(), p.discount(), z, p.unit());
        if (p.returnDay() < today) {
          lp += Math.log(q);
        } else {
          double seen = Math.min(14, Math.max(0, today - p.day() - 1)) / 14.0;
          lp += Math.log(1 - q * seen);
        }
      }
      logPost[g] = lp;
    }
    double max = java.util.Arrays.stream(logPost).max().getAsDouble();
    double total = 0;
    for (int g = 0; g < logPost.length; g++) {
      logPost[g] = Math.exp(logPost[g] - max);
      total += logPost[g];
    }
    for (int g = 0; g < logPost.length; g++) {
      logPost[g] /= total;
    }
    return logPost;
  }

  static Dataset<Row> draw(
      SparkSession spark, long seed, int users, int days, double ordersPerDay) {
    Random r = new Random(seed);
    List<Row> rows = new ArrayList<>();
    int order = 0;
    for (int u = 0; u < users; u++) {
      double z = r.nextGaussian();
      String region = new String[] {"EU", "US", "APAC"}[r.nextInt(3)];
      String device = new String[] {"mobile", "desktop", "tablet"}[r.nextInt(3)];
      List<Past> past = new ArrayList<>();
      int orders = 0;
      for (int d = 0; d < days; d++) {
        if (r.nextDouble() >= ordersPerDay) {
          continue;
        }
        int items = 1 + r.nextInt(3);
        List<Object[]> lines = new ArrayList<>();
        for (int k = 0; k < items; k++) {
          int cat = r.nextInt(CATEGORIES.length);
          boolean sized = cat < 2;
          double list =
              Math.round(BASE_PRICE[cat] * Math.exp(0.4 * r.nextGaussian()) * 100) / 100.0;
          double discount = DISCOUNTS[r.nextInt(DISCOUNTS.length)];
          double unit = Math.round(list * (1 - discount) * 100) / 100.0;
          int variants = sized && r.nextDouble() < 0.25 ? 2 + r.nextInt(2) : 1;
          String item = "i" + cat + "_" + r.nextInt(40);
          for (int v = 0; v < variants; v++) {
            lines.add(new Object[] {item, cat, sized, list, unit, variants});
          }
        }
        final int today = d;
        long bought = past.size();
        long returned = past.stream().filter(p -> p.returnDay() < today).count();
        int lastReturn =
            past.stream().mapToInt(Past::returnDay).filter(x -> x < today).max().orElse(-1);
        long pastSized = past.stream().filter(Past::sized).count();
        long pastSeveral = past.stream().filter(Past::severalSizes).count();
        double[] post = posterior(past, today);
        String orderId = "o" + order++;
        Timestamp at = Timestamp.valueOf(FIRST.plusDays(d).atTime(8 + r.nextInt(12), 0));
        List<Past> added = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
          Object[] l = lines.get(i);
          int cat = (Integer) l[1];
          boolean sized = (Boolean) l[2];
          double list = (Double) l[3];
          double unit = (Double) l[4];
          int variants = (Integer) l[5];
          double discount = 1 - unit / list;
          double p = ReturnModel.probability(sized, variants, discount, z, unit);
          int label = r.nextDouble() < p ? 1 : 0;
          added.add(
              new Past(
                  d,
                  sized,
                  variants,
                  discount,
                  unit,
                  label == 1 ? d + 1 + r.nextInt(14) : Integer.MAX_VALUE));
          double informed = 0;
          for (int g = 0; g < Z_GRID.length; g++) {
            informed +=
                post[g] * ReturnModel.probability(sized, variants, discount, Z_GRID[g], unit);
          }
          rows.add(
              RowFactory.create(
                  orderId,
                  i + 1,
                  "u" + u,
                  l[0],
                  at,
                  Date.valueOf(FIRST.plusDays(d)),
                  1,
                  unit,
                  list,
                  Math.max(0, discount),
                  CATEGORIES[cat],
                  sized,
                  variants,
                  lines.size(),
                  lines.size(),
                  "web",
                  device,
                  (long) orders,
                  bought,
                  bought == 0 ? null : (double) returned / bought,
                  lastReturn < 0 ? null : d - lastReturn,
                  bought,
                  pastSized,
                  pastSeveral,
                  region,
                  label,
                  p,
                  variants > 1 ? 1.3 : 0.0,
                  // The other planted terms' largest push above their average, for comparison.
                  Math.max(
                      Math.max(sized ? 1.1 * (1 - 0.25) : 0, 1.5 * (discount - 0.1375)),
                      Math.max(0.9 * z, 0.3 * Math.log(unit / 50.0))),
                  informed));
        }
        past.addAll(added);
        orders++;
      }
    }
    return spark.createDataFrame(rows, SCHEMA);
  }
}
