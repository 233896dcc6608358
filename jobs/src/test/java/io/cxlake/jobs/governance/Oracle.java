package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.split;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The test's own, independent idea of which rows are some users': their user_id, the ids of their
 * orders, tickets and returns in the ingested tables, and raw landing lines where one of those ids
 * stands as a JSON string or a CSV field.
 */
final class Oracle {
  final Set<String> ids = new TreeSet<>();
  private final Set<String> users;
  private final Set<String> orders;
  private final Set<String> tickets;
  private final Set<String> returns;

  Oracle(Lake lake, Set<String> users) {
    this.users = users;
    this.orders = owned(lake.read(Table.ORDERS), "order_id");
    orders.addAll(owned(lake.read(Table.RETURNS), "order_id"));
    this.tickets = owned(lake.read(Table.TICKETS), "ticket_id");
    this.returns = owned(lake.read(Table.RETURNS), "return_id");
    ids.addAll(users);
    ids.addAll(orders);
    ids.addAll(tickets);
    ids.addAll(returns);
  }

  private Set<String> owned(Dataset<Row> rows, String column) {
    Set<String> out = new TreeSet<>();
    rows.where(col("user_id").isin(users.toArray()))
        .select(column)
        .collectAsList()
        .forEach(r -> out.add(r.getString(0)));
    return out;
  }

  Set<String> orders() {
    return orders;
  }

  /** The users' rows of any frame, judged by whichever of the columns it has. */
  Dataset<Row> rowsOf(Dataset<Row> rows) {
    List<String> cols = List.of(rows.columns());
    List<Column> conds = new ArrayList<>();
    add(conds, cols, "user_id", users);
    add(conds, cols, "order_id", orders);
    add(conds, cols, "ticket_id", tickets);
    add(conds, cols, "return_id", returns);
    if (cols.contains("raw")) {
      for (String id : ids) {
        conds.add(col("raw").contains("\"" + id + "\""));
        conds.add(array_contains(split(col("raw"), ","), id));
      }
    }
    return conds.isEmpty()
        ? rows.limit(0)
        : rows.where(conds.stream().reduce(lit(false), Column::or));
  }

  private static void add(List<Column> conds, List<String> cols, String c, Set<String> values) {
    if (cols.contains(c) && !values.isEmpty()) {
      conds.add(col(c).isin(values.toArray()));
    }
  }
}
