package io.cxlake.models.kpi;

import static io.cxlake.lake.table.TableDef.DATE;
import static io.cxlake.lake.table.TableDef.DOUBLE;
import static io.cxlake.lake.table.TableDef.LONG;
import static io.cxlake.lake.table.TableDef.STRING;
import static io.cxlake.lake.table.TableDef.opt;
import static io.cxlake.lake.table.TableDef.req;

import io.cxlake.lake.table.TableSpec;
import java.util.List;

/**
 * The analyst's daily KPIs, one partition per date, replaced on a rerun. Counts sit beside each
 * rate so that a roll-up over regions or channels can recompute it (rates do not average).
 */
public enum KpiTable implements TableSpec.Holder {
  KPI_DAILY(
      TableSpec.of(
          "kpi_daily",
          "Daily KPIs per (date, region, channel): visitors and orders (conversion rate), revenue"
              + " (average order value, revenue per visitor), repeat purchase within 30 and 90 days"
              + " of the day's orders (null until the window has closed), return rate, recommendation"
              + " impressions, clicks, click-through rate and revenue attributed to a clicked"
              + " recommendation, support tickets with the bot's containment rate and median time to"
              + " resolution, and the median seconds from a session's start to its first action.",
          "date",
          List.of("date", "region", "channel"),
          req("date", DATE),
          req("region", STRING),
          req("channel", STRING),
          req("visitors", LONG),
          req("sessions", LONG),
          req("orders", LONG),
          req("revenue", DOUBLE),
          opt("conversion_rate", DOUBLE),
          opt("avg_order_value", DOUBLE),
          opt("revenue_per_visitor", DOUBLE),
          req("buyers", LONG),
          opt("repeat_30d_rate", DOUBLE),
          opt("repeat_90d_rate", DOUBLE),
          req("units_sold", LONG),
          req("units_returned", LONG),
          opt("return_rate", DOUBLE),
          req("rec_impressions", LONG),
          req("rec_clicks", LONG),
          opt("rec_ctr", DOUBLE),
          req("rec_attributed_revenue", DOUBLE),
          req("tickets", LONG),
          req("bot_resolved", LONG),
          opt("bot_containment_rate", DOUBLE),
          opt("median_resolution_hours", DOUBLE),
          opt("median_seconds_to_first_action", DOUBLE)));

  private final TableSpec spec;

  KpiTable(TableSpec spec) {
    this.spec = spec;
  }

  @Override
  public TableSpec spec() {
    return spec;
  }
}
