package io.cxlake.lake.ingest.retail;

import io.cxlake.lake.ingest.LineFormats;
import io.cxlake.lake.landing.Reason;
import java.io.Serializable;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One line of the Online Retail export ({@code InvoiceNo,StockCode,Description,Quantity,
 * InvoiceDate,UnitPrice,CustomerID,Country}), parsed and classified in plain Java. The column
 * mapping and the dirt it handles are documented in the README § Real data.
 */
public record RetailLine(
    String invoice,
    String stockCode,
    String description,
    Integer quantity,
    Timestamp invoiceTs,
    Double unitPrice,
    String customerId,
    String country,
    boolean cancellation,
    String reason,
    String detail)
    implements Serializable {

  /** A product is five digits and an optional letter suffix; POST, M, DOT, fees... are not. */
  static final Pattern PRODUCT = Pattern.compile("^[0-9]{5}[A-Za-z]{0,2}$");

  private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

  public static RetailLine parse(String raw) {
    List<String> f;
    try {
      f = LineFormats.split(raw);
    } catch (LineFormats.Malformed e) {
      return bad(Reason.MALFORMED, e.getMessage());
    }
    if (f.size() != 8) {
      return bad(Reason.MALFORMED, "expected 8 fields, found " + f.size());
    }
    String invoice = f.get(0).trim();
    String code = f.get(1).trim();
    String description = f.get(2).trim().isEmpty() ? null : f.get(2).trim();
    String customer = normaliseId(f.get(6));
    String country = f.get(7).trim();
    if (invoice.isEmpty() || code.isEmpty()) {
      return bad(Reason.MISSING_ID, "InvoiceNo or StockCode is empty");
    }
    Integer qty;
    Double price;
    try {
      qty = Integer.valueOf(f.get(3).trim());
    } catch (NumberFormatException e) {
      return bad(Reason.WRONG_TYPE, "Quantity is not an integer: " + f.get(3));
    }
    Timestamp ts;
    try {
      ts = Timestamp.from(LocalDateTime.parse(f.get(4).trim(), TS).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return bad(Reason.BAD_TIMESTAMP, "InvoiceDate is not a date-time: " + f.get(4));
    }
    try {
      price = Double.valueOf(f.get(5).trim());
    } catch (NumberFormatException e) {
      return bad(Reason.BAD_PRICE, "UnitPrice is not a number: " + f.get(5));
    }
    boolean cancellation = invoice.startsWith("C");
    Reason reason = null;
    String detail = null;
    if (customer == null) {
      reason = Reason.MISSING_ID;
      detail = "CustomerID is missing";
    } else if (!PRODUCT.matcher(code).matches()) {
      reason = Reason.NOT_A_PRODUCT;
      detail = "StockCode " + code + " is an adjustment, not a product";
    } else if (price <= 0) {
      reason = Reason.BAD_PRICE;
      detail = "UnitPrice is " + price;
    } else if (qty == 0 || (qty < 0) != cancellation) {
      reason = Reason.ZERO_QUANTITY;
      detail = "Quantity " + qty + (cancellation ? " on a cancellation" : " on a sale");
    }
    return new RetailLine(
        invoice,
        code,
        description,
        qty,
        ts,
        price,
        customer,
        country,
        cancellation,
        reason == null ? null : reason.code(),
        detail);
  }

  private static RetailLine bad(Reason r, String detail) {
    return new RetailLine(null, null, null, null, null, null, null, null, false, r.code(), detail);
  }

  /** "17850.0" (the export writes ids as floats) → "17850"; empty → null. */
  static String normaliseId(String raw) {
    String s = raw == null ? "" : raw.trim();
    if (s.isEmpty()) {
      return null;
    }
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }
}
