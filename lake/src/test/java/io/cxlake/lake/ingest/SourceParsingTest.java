package io.cxlake.lake.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Record-level validation, without Spark: one defect, one reason. */
class SourceParsingTest {
  private static final Instant LATEST = Instant.parse("2026-10-03T00:00:00Z");
  private static final Pseudonymiser HASH =
      new Pseudonymiser("a-test-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
  private static final String GOOD_EVENT =
      "{\"event_id\":\"e1\",\"user_id\":\"u1\",\"session_id\":\"s1\",\"event_type\":\"add_to_cart\","
          + "\"item_id\":\"i1\",\"ts\":\"2026-10-01T10:00:00Z\",\"price\":9.5,\"quantity\":2}";

  /** The reason code of a JSON line for a source, or null if it is good. */
  private static String reason(Source s, String line) {
    try {
      JsonNode n = LineFormats.json(line);
      Fields f = new Fields(LineFormats.fieldsOf(n), LATEST, 100);
      return s.parse(f, n, HASH) == null ? f.reason().code() : null;
    } catch (LineFormats.Malformed e) {
      return "malformed";
    }
  }

  private static String event(String field, String json) {
    return GOOD_EVENT.replaceFirst(
        "\"" + field + "\":(\"[^\"]*\"|[-0-9.]+)", "\"" + field + "\":" + json);
  }

  @Test
  void aGoodEventParsesToTypedColumns() {
    JsonNode n = assertParses(GOOD_EVENT);
    Fields f = new Fields(LineFormats.fieldsOf(n), LATEST, 100);
    Object[] v = Source.EVENTS.parse(f, n, HASH);
    Map<String, Object> byName = new java.util.HashMap<>();
    String[] names = Source.EVENTS.parsedSchema().fieldNames();
    for (int i = 0; i < names.length; i++) {
      byName.put(names[i], v[i]);
    }
    assertThat(byName)
        .containsEntry("ts", Timestamp.from(Instant.parse("2026-10-01T10:00:00Z")))
        .containsEntry("event_date", Date.valueOf("2026-10-01"))
        .containsEntry("quantity", 2)
        .containsEntry("price", 9.5);
  }

  private static JsonNode assertParses(String line) {
    try {
      return LineFormats.json(line);
    } catch (LineFormats.Malformed e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eachDefectGetsItsReason() {
    assertThat(reason(Source.EVENTS, GOOD_EVENT)).isNull();
    assertThat(reason(Source.EVENTS, GOOD_EVENT.substring(0, 40))).isEqualTo("malformed");
    assertThat(reason(Source.EVENTS, GOOD_EVENT + "}")).isEqualTo("malformed");
    assertThat(reason(Source.EVENTS, event("item_id", "\"" + "x".repeat(101) + "\"")))
        .isEqualTo("oversized_field");
    assertThat(reason(Source.EVENTS, event("event_id", "null"))).isEqualTo("missing_id");
    assertThat(reason(Source.EVENTS, event("user_id", "\"\""))).isEqualTo("missing_id");
    assertThat(reason(Source.EVENTS, event("quantity", "\"two\""))).isEqualTo("wrong_type");
    assertThat(reason(Source.EVENTS, event("price", "{\"v\":1}"))).isEqualTo("wrong_type");
    assertThat(reason(Source.EVENTS, event("event_type", "\"teleport\"")))
        .isEqualTo("unknown_event_type");
    assertThat(reason(Source.EVENTS, event("ts", "\"yesterday\""))).isEqualTo("bad_timestamp");
    assertThat(reason(Source.EVENTS, event("ts", "\"2026-10-03T00:00:01Z\"")))
        .isEqualTo("bad_timestamp");
    assertThat(reason(Source.EVENTS, event("price", "-1.0"))).isEqualTo("bad_price");
    assertThat(reason(Source.EVENTS, event("price", "\"abc\""))).isEqualTo("bad_price");
    assertThat(reason(Source.EVENTS, event("quantity", "0"))).isEqualTo("zero_quantity");
  }

  @Test
  void theFirstReasonInTheDeclaredOrderWins() {
    String twoDefects = event("quantity", "0").replace("\"event_id\":\"e1\"", "\"event_id\":null");
    assertThat(reason(Source.EVENTS, twoDefects)).isEqualTo("missing_id");
  }

  @Test
  void anOrderWithOneBadLineIsRefusedWhole() {
    String order =
        "{\"order_id\":\"o1\",\"user_id\":\"u1\",\"ordered_at\":\"2026-10-01T10:00:00Z\","
            + "\"lines\":[{\"line_no\":1,\"item_id\":\"i1\",\"quantity\":1,\"list_price\":10.0,"
            + "\"unit_price\":8.0},{\"line_no\":2,\"item_id\":\"i2\",\"quantity\":%s,"
            + "\"list_price\":5.0,\"unit_price\":5.0}]}";
    assertThat(reason(Source.ORDERS, String.format(order, "3"))).isNull();
    assertThat(reason(Source.ORDERS, String.format(order, "0"))).isEqualTo("zero_quantity");
    assertThat(
            reason(
                Source.ORDERS,
                "{\"order_id\":\"o2\",\"user_id\":\"u1\","
                    + "\"ordered_at\":\"2026-10-01T10:00:00Z\",\"lines\":[]}"))
        .isEqualTo("malformed");
  }

  @Test
  void csvFieldCountAndQuotesAreChecked() throws Exception {
    String[] header = Ingest.header(Source.COSTS);
    assertThat(LineFormats.csv("2026-10-01,\"bot, v2\",compute,1.5", header))
        .containsEntry("automation", "bot, v2");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> LineFormats.csv("2026-10-01,bot,compute", header))
        .isInstanceOf(LineFormats.Malformed.class)
        .hasMessageContaining("expected 4 fields");
  }

  @Test
  void customersCarryKeyedHashesNeverTheRawIdentifiers() throws Exception {
    String[] header = Ingest.header(Source.CUSTOMERS);
    Map<String, Object> f =
        LineFormats.csv(
            "u1,Ann@Example.com,+44 7700 900123,EU,DE,2026-01-01,true,false,true,"
                + "2026-10-01T00:00:00Z",
            header);
    Object[] v = Source.CUSTOMERS.parse(new Fields(f, LATEST, 100), null, HASH);
    assertThat(v).doesNotContain("Ann@Example.com", "+44 7700 900123");
    assertThat(v).contains(HASH.hash("ann@example.com"), HASH.hash("+447700900123"));
    Pseudonymiser otherKey =
        new Pseudonymiser("another-key-of-enough-length".getBytes(StandardCharsets.UTF_8));
    assertThat(otherKey.hash("ann@example.com")).isNotEqualTo(HASH.hash("ann@example.com"));
    assertThat(HASH.toString()).doesNotContain("a-test-key");
  }
}
