package io.cxlake.features;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

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
