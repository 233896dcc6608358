package io.cxlake.models.measure;

import java.util.Arrays;
import java.util.List;

/**
 * The per-user outcomes {@code measure} compares, named as in the simulator's truth.json. Every
 * assigned user counts, with zeros where they did nothing. AOV is the one ratio metric (Σrevenue /
 * Σorders of an arm); the others are per-user sums over the user's window.
 */
public enum Metric {
  CONVERSION("conversion"),
  REVENUE("revenue_per_user"),
  ORDERS("orders_per_user"),
  AOV("aov"),
  ITEMS_RETURNED("items_returned"),
  NET_REVENUE("net_revenue_per_user"),
  SUPPORT_TICKETS("support_tickets"),
  RESOLUTION_MINUTES("resolution_minutes"),
  /** Minutes of tickets a person resolved (not the bot): what ROI values as agent time. */
  AGENT_MINUTES("agent_minutes");

  private final String id;

  Metric(String id) {
    this.id = id;
  }

  /** The name in the lift table and in truth.json. */
  public String id() {
    return id;
  }

  public boolean isRatio() {
    return this == AOV;
  }

  /** The per-user metrics: those with an outcome column y_id and a pre-period column x_id. */
  public static List<Metric> perUser() {
    return Arrays.stream(values()).filter(m -> !m.isRatio()).toList();
  }

  /** Column of the outcome in the window. */
  public String y() {
    return "y_" + id;
  }

  /** Column of the same outcome in the pre-period. */
  public String x() {
    return "x_" + id;
  }
}
