package io.cxlake.lake.ingest;

import io.cxlake.lake.landing.Reason;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Typed reads of one landing record's fields (from JSON or CSV), collecting problems as it goes.
 * The record's reason is the problem that comes first in {@link Reason}'s order, whatever order the
 * fields were read in, so each bad row gets one well-defined reason.
 */
final class Fields {
  /** A JSON object or array where a scalar was expected; kept as its JSON text. */
  record Complex(String json) {}

  private final Map<String, Object> values;
  private final Instant latestAllowed;
  private final int maxChars;
  private Reason reason;
  private String detail;

  /**
   * @param values field name → String, Number, Boolean, {@link Complex} or null (absent)
   * @param latestAllowed timestamps after this are {@code bad_timestamp}
   */
  Fields(Map<String, Object> values, Instant latestAllowed, int maxChars) {
    this.values = values;
    this.latestAllowed = latestAllowed;
    this.maxChars = maxChars;
    values.forEach(
        (k, v) -> {
          // Scalars only: nested values (an order's lines) are checked field by field.
          if (v instanceof String s && s.length() > maxChars) {
            problem(Reason.OVERSIZED_FIELD, k + " has " + s.length() + " characters");
          }
        });
  }

  void problem(Reason r, String why) {
    if (reason == null || r.ordinal() < reason.ordinal()) {
      reason = r;
      detail = why;
    }
  }

  Instant latestAllowed() {
    return latestAllowed;
  }

  int maxChars() {
    return maxChars;
  }

  Reason reason() {
    return reason;
  }

  String detail() {
    return detail;
  }

  private Object raw(String name) {
    Object v = values.get(name);
    return v instanceof String s && s.isEmpty() ? null : v;
  }

  /** The value, or null; a missing required value is noted with the given reason. */
  private Object present(String name, boolean required, Reason ifMissing) {
    Object v = raw(name);
    if (v == null && required) {
      problem(ifMissing, name + " is missing");
    }
    return v;
  }

  /** A required identifier: present and non-empty. */
  String id(String name) {
    Object v = raw(name);
    if (v == null) {
      problem(Reason.MISSING_ID, name + " is missing");
      return null;
    }
    if (v instanceof Complex || v instanceof Boolean) {
      problem(Reason.WRONG_TYPE, name + " is not a string");
      return null;
    }
    return v.toString();
  }

  /** An optional text field. */
  String text(String name) {
    Object v = raw(name);
    if (v instanceof Complex) {
      problem(Reason.WRONG_TYPE, name + " is not a string");
      return null;
    }
    return v == null ? null : v.toString();
  }

  Timestamp timestamp(String name, boolean required) {
    Object v = present(name, required, Reason.BAD_TIMESTAMP);
    if (v == null) {
      return null;
    }
    try {
      Instant t = Instant.parse(v.toString());
      if (t.isAfter(latestAllowed)) {
        problem(Reason.BAD_TIMESTAMP, name + " lies in the future: " + v);
        return null;
      }
      return Timestamp.from(t);
    } catch (DateTimeParseException e) {
      problem(Reason.BAD_TIMESTAMP, name + " is not an ISO-8601 instant: " + v);
      return null;
    }
  }

  Date date(String name, boolean required) {
    Object v = present(name, required, Reason.BAD_TIMESTAMP);
    if (v == null) {
      return null;
    }
    try {
      return Date.valueOf(LocalDate.parse(v.toString()));
    } catch (DateTimeParseException e) {
      problem(Reason.BAD_TIMESTAMP, name + " is not a date: " + v);
      return null;
    }
  }

  /** A price or amount: a non-negative number. Text that is no number is a bad price. */
  Double price(String name, boolean required) {
    Object v = present(name, required, Reason.BAD_PRICE);
    if (v == null) {
      return null;
    }
    if (v instanceof Complex || v instanceof Boolean) {
      problem(Reason.WRONG_TYPE, name + " is not a number");
      return null;
    }
    double d;
    try {
      d = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString());
    } catch (NumberFormatException e) {
      problem(Reason.BAD_PRICE, name + " is not a number: " + v);
      return null;
    }
    if (!Double.isFinite(d) || d < 0) {
      problem(Reason.BAD_PRICE, name + " is negative or not finite: " + v);
      return null;
    }
    return d;
  }

  Integer integer(String name, boolean required) {
    Object v = present(name, required, Reason.WRONG_TYPE);
    if (v == null) {
      return null;
    }
    try {
      if (v instanceof Number n) {
        if (n.doubleValue() != Math.rint(n.doubleValue())) {
          throw new NumberFormatException();
        }
        return Math.toIntExact(n.longValue());
      }
      if (v instanceof String s) {
        return Integer.parseInt(s.trim());
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // falls through to the wrong type below
    }
    problem(Reason.WRONG_TYPE, name + " is not an integer: " + v);
    return null;
  }

  /** A quantity: an integer above zero (zero or less is {@code zero_quantity}). */
  Integer quantity(String name, boolean required) {
    Integer q = integer(name, required);
    if (q != null && q <= 0) {
      problem(Reason.ZERO_QUANTITY, name + " is " + q);
      return null;
    }
    return q;
  }

  Double number(String name) {
    Object v = raw(name);
    if (v == null) {
      return null;
    }
    try {
      if (v instanceof Number n) {
        return n.doubleValue();
      }
      if (v instanceof String s) {
        return Double.parseDouble(s);
      }
    } catch (NumberFormatException e) {
      // falls through
    }
    problem(Reason.WRONG_TYPE, name + " is not a number: " + v);
    return null;
  }

  Boolean bool(String name, boolean required) {
    Object v = present(name, required, Reason.WRONG_TYPE);
    if (v == null) {
      return null;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if (v instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    problem(Reason.WRONG_TYPE, name + " is not true or false: " + v);
    return null;
  }
}
