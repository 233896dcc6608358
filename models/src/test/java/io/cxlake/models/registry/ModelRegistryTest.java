package io.cxlake.models.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.time.LocalDate;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SparkExtension.class)
class ModelRegistryTest {
  private static ModelVersion v(String day, double ndcg) {
    LocalDate d = LocalDate.parse(day);
    return new ModelVersion(
        "als",
        ModelVersion.versionFor("als", d),
        d,
        Map.of("rank", "32"),
        Map.of("ndcg_at_10", ndcg),
        d.minusDays(30),
        d,
        Map.of("interactions", 3L));
  }

  private static ChampionGate.Decision yes() {
    return new ChampionGate.Decision(true, "better");
  }

  @Test
  void championFollowsDecisionsPromotionsAndRollbacks(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    ModelRegistry reg = new ModelRegistry(lake);
    assertTrue(reg.champion("als").isEmpty());

    reg.record(v("2026-10-01", 0.30), yes());
    reg.record(v("2026-10-02", 0.20), new ChampionGate.Decision(false, "worse"));
    assertEquals("als-2026-10-01", reg.champion("als").orElseThrow().version());
    assertEquals(0.30, reg.champion("als").orElseThrow().metrics().get("ndcg_at_10"));

    reg.promote("als", "als-2026-10-02", "dana", "new data source");
    assertEquals("als-2026-10-02", reg.champion("als").orElseThrow().version());
    reg.rollback("als", "dana", "complaints");
    assertEquals("als-2026-10-01", reg.champion("als").orElseThrow().version());

    var rollback = reg.events("als").get(reg.events("als").size() - 1);
    assertEquals(ModelRegistry.ROLLED_BACK, rollback.event());
    assertEquals("dana", rollback.by());
    assertEquals("complaints", rollback.reason());

    reg.retire("als", "als-2026-10-01", "dana", "model retired");
    assertTrue(reg.champion("als").isEmpty());
  }

  @Test
  void aRerunReplacesThePipelinesEventsButKeepsAPersonsOnes(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    ModelRegistry reg = new ModelRegistry(lake);
    reg.record(v("2026-10-01", 0.30), yes());
    reg.promote("als", "als-2026-10-01", "dana", "confirmed");
    reg.record(v("2026-10-01", 0.31), new ChampionGate.Decision(false, "rerun says no"));

    var events = reg.events("als");
    assertEquals(3, events.size(), events.toString());
    assertEquals(1, events.stream().filter(e -> e.event().equals(ModelRegistry.REJECTED)).count());
    assertEquals(0.31, reg.champion("als").orElseThrow().metrics().get("ndcg_at_10"));
  }

  @Test
  void unknownVersionsAndEmptyHistoriesAreClearErrors(SparkSession spark) {
    ModelRegistry reg = new ModelRegistry(TempLake.create(spark));
    var e = assertThrows(IllegalArgumentException.class, () -> reg.promote("als", "x", "d", "r"));
    assertTrue(e.getMessage().contains("no registered version 'x'"), e.getMessage());
    assertThrows(IllegalStateException.class, () -> reg.rollback("als", "d", "r"));
  }
}
