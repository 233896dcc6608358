package io.cxlake.features;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.pow;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_timestamp;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Implicit user × item confidence: each view, cart or purchase adds its weight, halved for every
 * half-life of age at the as-of instant (midnight UTC starting A). Decay is multiplicative, so the
 * snapshot as of A is the one as of P decayed by (A - P) days plus the days in between.
 */
public final class Interactions {
  private static final String[] KEYS = {"user_id", "item_id"};
  private static final String[] COLUMNS = {
    "as_of", "user_id", "item_id", "strength", "views", "carts", "purchases", "last_ts"
  };

  private Interactions() {}

  /** The decayed strengths as of A of the given events (all visible before A). */
  public static Dataset<Row> of(
      Dataset<Row> events, Weights w, double halfLifeDays, LocalDate asOf) {
    long at = asOf.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    Column ageDays = lit(at).minus(unix_timestamp(col("ts"))).divide(86_400.0);
    return events
        .where(Weights.weighted())
        .groupBy("user_id", "item_id")
        .agg(
            sum(w.of(col("event_type")).multiply(pow(lit(0.5), ageDays.divide(halfLifeDays))))
                .as("strength"),
            sum(Weights.is(Weights.VIEW)).as("views"),
            sum(Weights.is(Weights.CART)).as("carts"),
            sum(Weights.is(Weights.PURCHASE)).as("purchases"),
            max("ts").as("last_ts"))
        .withColumn("as_of", lit(asOf))
        .select(
            "as_of", "user_id", "item_id", "strength", "views", "carts", "purchases", "last_ts");
  }

  /**
   * The snapshot as of {@code prevAsOf} carried to {@code asOf} and combined with new strengths.
   * Only the pairs with new events are aggregated; the others, most of the snapshot, are decayed
   * where they are, so the nightly does not shuffle the whole history's pairs. The new pairs are
   * broadcast: they are the days since the previous snapshot, one day on a nightly run.
   */
  public static Dataset<Row> roll(
      Dataset<Row> previous,
      LocalDate prevAsOf,
      Dataset<Row> fresh,
      double halfLifeDays,
      LocalDate asOf) {
    double decay = Math.pow(0.5, ChronoUnit.DAYS.between(prevAsOf, asOf) / halfLifeDays);
    Dataset<Row> carried = previous.withColumn("strength", col("strength").multiply(decay));
    Dataset<Row> touched = broadcast(fresh.select("user_id", "item_id"));
    Dataset<Row> untouched =
        carried.join(touched, KEYS, "left_anti").withColumn("as_of", lit(asOf));
    Dataset<Row> merged =
        carried
            .join(touched, KEYS, "left_semi")
            .unionByName(fresh)
            .groupBy("user_id", "item_id")
            .agg(
                sum("strength").as("strength"),
                sum("views").as("views"),
                sum("carts").as("carts"),
                sum("purchases").as("purchases"),
                max("last_ts").as("last_ts"))
            .withColumn("as_of", lit(asOf));
    return untouched.selectExpr(COLUMNS).unionByName(merged.selectExpr(COLUMNS));
  }
}
