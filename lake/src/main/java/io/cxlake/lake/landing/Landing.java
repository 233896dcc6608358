package io.cxlake.lake.landing;

import java.time.LocalDate;
import java.util.List;

/**
 * The landing zone layout: {@code <landing>/<source>/date=YYYY-MM-DD/part-*.<ext>}, one folder per
 * export and day. The field lists here are the export contract the shop writes to (see the README §
 * Landing formats).
 */
public enum Landing {
  /**
   * JSON lines: item_id, title, description, category, brand, list_price, size_sensitive, in_stock,
   * updated_at.
   */
  ITEMS("items", Format.JSON),
  /**
   * CSV with header: user_id,email,phone,region,country,signup_date,consent_personalisation,
   * consent_marketing,consent_profiling,updated_at. E-mail and phone are hashed at ingest.
   */
  CUSTOMERS("customers", Format.CSV),
  /**
   * JSON lines: event_id, user_id, session_id, event_type, item_id, ts (ISO-8601 UTC), price,
   * quantity, query, channel, device, automation, position.
   */
  EVENTS("events", Format.JSON),
  /**
   * JSON lines, one order each: order_id, user_id, ordered_at, channel, device, lines: [{line_no,
   * item_id, variant, quantity, list_price, unit_price}].
   */
  ORDERS("orders", Format.JSON),
  /**
   * CSV with header:
   * return_id,order_id,line_no,item_id,user_id,quantity,returned_at,reason,refund_amount.
   */
  RETURNS("returns", Format.CSV),
  /**
   * JSON lines: ticket_id, user_id, order_id, created_at, channel, subject, body, resolved_at,
   * resolved_by, handle_minutes.
   */
  TICKETS("tickets", Format.JSON),
  /** CSV with header: user_id,automation,cohort,assigned_at. */
  ASSIGNMENTS("assignments", Format.CSV),
  /** CSV with header: date,automation,cost_type,amount. */
  COSTS("costs", Format.CSV);

  /** Event types the events export may contain. */
  public static final List<String> EVENT_TYPES =
      List.of(
          "page_view",
          "product_view",
          "search",
          "add_to_cart",
          "remove_from_cart",
          "checkout",
          "purchase",
          "rec_impression",
          "rec_click");

  /** File format of a landing source. */
  public enum Format {
    JSON("json"),
    CSV("csv");

    private final String extension;

    Format(String extension) {
      this.extension = extension;
    }

    public String extension() {
      return extension;
    }
  }

  private final String dir;
  private final Format format;

  Landing(String dir, Format format) {
    this.dir = dir;
    this.format = format;
  }

  public String dir() {
    return dir;
  }

  public Format format() {
    return format;
  }

  /** The folder holding this source's export for one day. */
  public String dayPath(String landingRoot, LocalDate day) {
    return landingRoot + "/" + dir + "/date=" + day;
  }
}
