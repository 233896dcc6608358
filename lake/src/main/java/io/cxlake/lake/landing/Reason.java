package io.cxlake.lake.landing;

/**
 * Why ingest refused a landing row: the {@code reason} column of the quarantine table and the keys
 * of the simulator's {@code truth.json} {@code bad_rows}. When a row has several problems, the
 * first in this order is reported.
 */
public enum Reason {
  /** Not parseable at all: broken JSON, wrong number of CSV fields. */
  MALFORMED("malformed"),
  /** A field longer than {@code ingest.max-field-chars}. */
  OVERSIZED_FIELD("oversized_field"),
  /** A required id (event_id, user_id, order_id, item_id...) is missing or empty. */
  MISSING_ID("missing_id"),
  /** A field holds a value of the wrong type (text in a number, an object in a string...). */
  WRONG_TYPE("wrong_type"),
  /** An event type outside the declared list. */
  UNKNOWN_EVENT_TYPE("unknown_event_type"),
  /** A timestamp that does not parse, or lies too far after the landing day. */
  BAD_TIMESTAMP("bad_timestamp"),
  /** A price that is negative or not a number. */
  BAD_PRICE("bad_price"),
  /** A quantity of zero. */
  ZERO_QUANTITY("zero_quantity"),
  /** A user or item id that the customers or items tables do not know. */
  UNKNOWN_REFERENCE("unknown_reference"),
  /** A line that is no product sale: postage, fees, manual adjustments (real exports have them). */
  NOT_A_PRODUCT("not_a_product");

  private final String code;

  Reason(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
