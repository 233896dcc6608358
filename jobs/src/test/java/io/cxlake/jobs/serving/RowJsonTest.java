package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Redis value format: what a service in any language parses, so it must be standard JSON. */
class RowJsonTest {
  @Test
  void aGroupRoundTripsExactlyIncludingCharactersThatNeedEscaping() {
    Map<ServingTable, List<List<Object>>> run = ScoreFixtures.run(5, 3);
    for (ServingTable t : ServingTable.values()) {
      t.byKey(run.get(t))
          .forEach(
              (key, rows) ->
                  assertThat(RowJson.decodeGroup(t, key, RowJson.encodeGroup(t, rows)))
                      .isEqualTo(rows));
    }
  }

  @Test
  void aGroupIsStandardJsonOfColumnNamesAndRowsWithoutTheKeyColumn() throws Exception {
    List<List<Object>> rows =
        List.of(
            List.of("o1", 1, "i1", 0.25, "high", List.of("a\"b", "tab\tnew\nline\\"), "rr-1"),
            List.of("o1", 2, "i2", 1e-7, "low", List.of(), "rr-1"));
    String json = RowJson.encodeGroup(ServingTable.RETURN_RISK, rows);
    var parsed = new ObjectMapper().readTree(json);
    assertThat(parsed.get("columns").toString())
        .isEqualTo(
            "[\"line_no\",\"item_id\",\"probability\",\"band\",\"reasons\",\"model_version\"]");
    assertThat(parsed.get("rows")).hasSize(2);
    assertThat(parsed.get("rows").get(0).get(2).asDouble()).isEqualTo(0.25);
    assertThat(parsed.get("rows").get(1).get(2).asDouble()).isEqualTo(1e-7);
    assertThat(parsed.get("rows").get(0).get(4).get(1).asText()).isEqualTo("tab\tnew\nline\\");
    assertThat(parsed.get("rows").get(1).get(4)).isEmpty();
  }

  /** A version published before the compact value (an array of objects) still reads back. */
  @Test
  void theEarlierArrayOfObjectsStillReads() {
    String earlier =
        "[{\"rank\":1,\"item_id\":\"i1\",\"score\":0.5},{\"rank\":2,\"item_id\":\"i2\",\"score\":0.25}]";
    assertThat(RowJson.decodeGroup(ServingTable.POPULAR, "eu", earlier))
        .isEqualTo(List.of(List.of("eu", 1, "i1", 0.5), List.of("eu", 2, "i2", 0.25)));
  }

  /** Doubles are written in the fewest digits that read back as the same double. */
  @Test
  void doublesReadBackExactly() {
    for (double d : new double[] {0.1, 1.0 / 3, 5.0000001, 1e-7, 123456789.125, -0.0, 1e300}) {
      List<List<Object>> rows = List.of(List.of("r", 1, "i", d));
      assertThat(
              RowJson.decodeGroup(
                  ServingTable.POPULAR, "r", RowJson.encodeGroup(ServingTable.POPULAR, rows)))
          .isEqualTo(rows);
    }
  }
}
