package io.cxlake.features;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A small random shop written straight into the lake tables: nulls, late rows (ingested one or two
 * days after their date), rows ingested the day before their date, ties on timestamps, orders whose
 * lines differ in size, returns.
 */
final class RandomShop {
  static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  static final String[] TYPES = {
    "product_view", "product_view", "product_view", "add_to_cart", "purchase", "search", "page_view"
  };
  static final String[] CATEGORIES = {"shoes", "books", "toys"};

  final List<Row> events = new ArrayList<>();
  final List<Row> orders = new ArrayList<>();
  final List<Row> lines = new ArrayList<>();
  final List<Row> returns = new ArrayList<>();
  final List<Row> items = new ArrayList<>();
  final List<Row> customers = new ArrayList<>();

  RandomShop(long seed, int days, int users, int itemCount) {
    Random r = new Random(seed);
    Timestamp catalogTime = ts(FIRST, 0);
    for (int i = 0; i < itemCount; i++) {
      String cat = CATEGORIES[i % CATEGORIES.length];
      double price = 5 + r.nextInt(20) * 2.5; // repeated prices make ties in the price bands
      items.add(
          RowFactory.create(
              "i" + i,
              "item " + i,
              null,
              cat,
              null,
              price,
              cat.equals("shoes"),
              r.nextBoolean(),
              catalogTime,
              Date.valueOf(FIRST)));
    }
    for (int u = 0; u < users; u++) {
      LocalDate signup = r.nextInt(5) == 0 ? FIRST.plusDays(r.nextInt(days)) : null;
      customers.add(
          RowFactory.create(
              "u" + u,
              null,
              null,
              u % 2 == 0 ? "EU" : "US",
              null,
              signup == null ? null : Date.valueOf(signup),
              r.nextBoolean(),
              r.nextBoolean(),
              r.nextBoolean(),
              catalogTime,
              Date.valueOf(FIRST)));
    }
    // One user with activity but no customer row.
    int ev = 0;
    int order = 0;
    for (int d = 0; d < days; d++) {
      LocalDate day = FIRST.plusDays(d);
      for (int u = 0; u <= users; u++) {
        int sessions = r.nextInt(3);
        for (int s = 0; s < sessions; s++) {
          String session = "s" + d + "_" + u + "_" + s;
          int n = 1 + r.nextInt(6);
          int second = r.nextInt(80_000);
          List<String> bought = new ArrayList<>();
          for (int k = 0; k < n; k++) {
            String type = TYPES[r.nextInt(TYPES.length)];
            String item =
                type.equals("search") || r.nextInt(10) == 0 ? null : "i" + r.nextInt(itemCount);
            if (r.nextInt(4) != 0) {
              second += r.nextInt(300); // else a tie with the previous event
            }
            LocalDate ingest = ingestDay(r, day, d, days);
            events.add(
                RowFactory.create(
                    "e" + ev++,
                    "u" + u,
                    session,
                    type,
                    item,
                    ts(day, second),
                    item == null ? null : 9.99,
                    1,
                    null,
                    r.nextBoolean() ? "web" : null,
                    null,
                    null,
                    null,
                    Date.valueOf(ingest),
                    Date.valueOf(day)));
            if (type.equals("purchase") && item != null) {
              bought.add(item);
            }
          }
          if (!bought.isEmpty()) {
            String orderId = "o" + order++;
            LocalDate ingest = ingestDay(r, day, d, days);
            Timestamp at = ts(day, second + 1);
            double total = 0;
            int lineNo = 0;
            for (String item : bought) {
              int variants = r.nextInt(3) == 0 ? 2 : 1;
              for (int v = 0; v < variants; v++) {
                lineNo++;
                double list = 20 + r.nextInt(5) * 10;
                double paid = r.nextBoolean() ? list : list * 0.8;
                int qty = 1 + r.nextInt(2);
                total += paid * qty;
                lines.add(
                    RowFactory.create(
                        orderId,
                        lineNo,
                        "u" + u,
                        item,
                        variants > 1 ? "S" + v : null,
                        qty,
                        list,
                        paid,
                        at,
                        Date.valueOf(ingest),
                        Date.valueOf(day)));
                if (r.nextInt(3) == 0) {
                  LocalDate back = day.plusDays(1 + r.nextInt(5));
                  returns.add(
                      RowFactory.create(
                          "r" + orderId + "_" + lineNo,
                          orderId,
                          lineNo,
                          item,
                          "u" + u,
                          qty,
                          ts(back, 3600),
                          "size",
                          paid * qty,
                          Date.valueOf(back),
                          Date.valueOf(back)));
                }
              }
            }
            orders.add(
                RowFactory.create(
                    orderId,
                    "u" + u,
                    at,
                    "web",
                    r.nextBoolean() ? "mobile" : null,
                    lineNo,
                    Math.round(total * 100) / 100.0,
                    Date.valueOf(ingest),
                    Date.valueOf(day)));
          }
        }
      }
    }
  }

  /** Mostly the same day; sometimes one or two days late, or the day before (a clock ahead). */
  private static LocalDate ingestDay(Random r, LocalDate day, int d, int days) {
    int x = r.nextInt(20);
    if (x == 0 && d + 2 < days) {
      return day.plusDays(2);
    }
    if (x == 1 && d + 1 < days) {
      return day.plusDays(1);
    }
    if (x == 2 && d > 0) {
      return day.minusDays(1);
    }
    return day;
  }

  static Timestamp ts(LocalDate day, int second) {
    return Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(second));
  }

  /** Writes the shop into the lake's source tables. */
  void writeTo(Lake lake) {
    write(lake, Table.EVENTS, events);
    write(lake, Table.ORDERS, orders);
    write(lake, Table.ORDER_LINES, lines);
    write(lake, Table.RETURNS, returns);
    write(lake, Table.ITEMS, items);
    write(lake, Table.CUSTOMERS, customers);
  }

  private static void write(Lake lake, Table t, List<Row> rows) {
    lake.append(t, lake.spark().createDataFrame(rows, t.schema()));
  }
}
