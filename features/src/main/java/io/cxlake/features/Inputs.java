package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.storage.StorageLevel;

/**
 * The lake rows one feature computation reads: events, orders, order lines and returns visible in a
 * range of days (each with a {@code visible_day} column), and the current catalog and customers.
 */
public record Inputs(
    Dataset<Row> events,
    Dataset<Row> orders,
    Dataset<Row> orderLines,
    Dataset<Row> returns,
    Dataset<Row> items,
    Dataset<Row> customers) {

  /** The event columns the feature tables read; the rest are not cached. */
  static final List<String> EVENT_COLUMNS =
      List.of("user_id", "session_id", "event_type", "item_id", "ts", "event_date", Visibility.DAY);

  /** Rows visible on days in [from, until). */
  public static Inputs between(Lake lake, Visibility v, LocalDate from, LocalDate until) {
    return new Inputs(
        v.between(Table.EVENTS, from, until),
        v.between(Table.ORDERS, from, until),
        v.between(Table.ORDER_LINES, from, until),
        v.between(Table.RETURNS, from, until),
        lake.read(Table.ITEMS),
        lake.read(Table.CUSTOMERS));
  }

  /** These rows from the visible day {@code from} on. */
  public Inputs since(LocalDate from) {
    return new Inputs(
        from(events, from),
        from(orders, from),
        from(orderLines, from),
        from(returns, from),
        items,
        customers);
  }

  /**
   * The same inputs with the visited rows kept after the first read: one scan per build. Events
   * keep only the columns features use and are hash-partitioned by user once, so the per-user
   * aggregations (user state, category weights, interactions) run on the cached partitions without
   * another shuffle of the events.
   */
  public Inputs persisted() {
    Dataset<Row> byUser =
        events
            .select(EVENT_COLUMNS.stream().map(functions::col).toArray(Column[]::new))
            .repartition(partitions(events), col("user_id"));
    return new Inputs(
        byUser.persist(StorageLevel.MEMORY_AND_DISK()),
        orders.persist(StorageLevel.MEMORY_AND_DISK()),
        orderLines.persist(StorageLevel.MEMORY_AND_DISK()),
        returns.persist(StorageLevel.MEMORY_AND_DISK()),
        items,
        customers);
  }

  /**
   * The session's shuffle partition count, given explicitly to a repartition: adaptive execution
   * then keeps it, so the partitioning stays known to the operators above and they need no shuffle.
   */
  static int partitions(Dataset<Row> rows) {
    return Integer.parseInt(rows.sparkSession().conf().get("spark.sql.shuffle.partitions"));
  }

  public void unpersist() {
    events.unpersist();
    orders.unpersist();
    orderLines.unpersist();
    returns.unpersist();
  }

  private static Dataset<Row> from(Dataset<Row> rows, LocalDate day) {
    return rows.where(col(Visibility.DAY).geq(lit(day)));
  }

  /** Every row visible before {@code until}. */
  public static Inputs before(Lake lake, Visibility v, LocalDate until) {
    return new Inputs(
        v.before(Table.EVENTS, until),
        v.before(Table.ORDERS, until),
        v.before(Table.ORDER_LINES, until),
        v.before(Table.RETURNS, until),
        lake.read(Table.ITEMS),
        lake.read(Table.CUSTOMERS));
  }
}
