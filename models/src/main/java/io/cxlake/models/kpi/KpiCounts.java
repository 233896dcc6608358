package io.cxlake.models.kpi;

import java.sql.Date;
import java.time.LocalDate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The additive counts (and the two medians) of one (date, region, channel), as Spark aggregates
 * them. The rates are derived here in plain Java: a rate with a zero denominator is null, never 0
 * or NaN, and a repeat rate is null while its window is open.
 */
public record KpiCounts(
    LocalDate date,
    String region,
    String channel,
    long visitors,
    long sessions,
    long orders,
    double revenue,
    long buyers,
    long repeat30Buyers,
    long repeat90Buyers,
    long unitsSold,
    long unitsReturned,
    long recImpressions,
    long recClicks,
    double recAttributedRevenue,
    long tickets,
    long botResolved,
    Double medianResolutionHours,
    Double medianSecondsToFirstAction) {

  /** num / den, or null when den is 0. */
  static Double ratio(double num, long den) {
    return den == 0 ? null : num / den;
  }

  /** The share of the day's buyers who bought again within the window; null while it is open. */
  Double repeatRate(long repeaters, int days, KpiWindow w) {
    return w.closed(date, days) ? ratio(repeaters, buyers) : null;
  }

  /** The row of {@link KpiTable#KPI_DAILY}, in its column order. */
  public Row toRow(KpiWindow w) {
    return RowFactory.create(
        Date.valueOf(date),
        region,
        channel,
        visitors,
        sessions,
        orders,
        revenue,
        ratio(orders, visitors),
        ratio(revenue, orders),
        ratio(revenue, visitors),
        buyers,
        repeatRate(repeat30Buyers, 30, w),
        repeatRate(repeat90Buyers, 90, w),
        unitsSold,
        unitsReturned,
        ratio(unitsReturned, unitsSold),
        recImpressions,
        recClicks,
        ratio(recClicks, recImpressions),
        recAttributedRevenue,
        tickets,
        botResolved,
        ratio(botResolved, tickets),
        medianResolutionHours,
        medianSecondsToFirstAction);
  }
}
