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
  void aGroupIsStandardJsonWithoutTheKeyColumn() throws Exception {
    List<List<Object>> rows =
        List.of(List.of("o1", 1, "i1", 0.25, "high", List.of("a\"b", "tab\tnew\nline\\"), "rr-1"));
    String json = RowJson.encodeGroup(ServingTable.RETURN_RISK, rows);
    var parsed = new ObjectMapper().readTree(json);
    assertThat(parsed.get(0).has("order_id")).isFalse();
    assertThat(parsed.get(0).get("probability").asDouble()).isEqualTo(0.25);
    assertThat(parsed.get(0).get("reasons").get(1).asText()).isEqualTo("tab\tnew\nline\\");
  }
}
