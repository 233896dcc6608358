package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
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

  /** The same inputs with the visited rows kept after the first read: one scan per build. */
  public Inputs persisted() {
    return new Inputs(
        events.persist(StorageLevel.MEMORY_AND_DISK()),
        orders.persist(StorageLevel.MEMORY_AND_DISK()),
        orderLines.persist(StorageLevel.MEMORY_AND_DISK()),
        returns.persist(StorageLevel.MEMORY_AND_DISK()),
        items,
        customers);
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
