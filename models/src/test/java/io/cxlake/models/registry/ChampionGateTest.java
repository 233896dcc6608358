package io.cxlake.models.registry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ChampionGateTest {
  @Test
  void aChallengerMustBeatTheBaseline() {
    var d = ChampionGate.decide("ndcg_at_10", 0.20, 0.20, OptionalDouble.empty(), 0.02);
    assertFalse(d.promote());
    assertTrue(d.reason().contains("does not beat the baseline"), d.reason());
    assertTrue(ChampionGate.decide("ndcg_at_10", 0.21, 0.20, OptionalDouble.empty(), 0).promote());
    assertFalse(ChampionGate.decide("m", Double.NaN, 0.1, OptionalDouble.empty(), 0).promote());
  }

  @Test
  void aChallengerMayTrailTheChampionOnlyWithinTheTolerance() {
    // 2% below 0.50 is 0.49: 0.4901 passes, 0.4899 does not.
    assertTrue(ChampionGate.decide("m", 0.4901, 0.1, OptionalDouble.of(0.50), 0.02).promote());
    var d = ChampionGate.decide("m", 0.4899, 0.1, OptionalDouble.of(0.50), 0.02);
    assertFalse(d.promote());
    assertTrue(d.reason().contains("below the champion"), d.reason());
  }
}
