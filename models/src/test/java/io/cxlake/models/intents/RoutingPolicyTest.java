package io.cxlake.models.intents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoutingPolicyTest {
  private static final Map<String, Double> THRESHOLDS = new HashMap<>();

  static {
    THRESHOLDS.put("order_status", 0.7);
    THRESHOLDS.put("refund", null); // no threshold met the target
    THRESHOLDS.put("complaint", 0.1);
  }

  private final RoutingPolicy policy =
      new RoutingPolicy(THRESHOLDS, Set.of("complaint"), 0.5, true);

  @Test
  void confidentAutomatableIntentIsAutomated() {
    assertThat(policy.decide("order_status", 0.7, 5, 0)).isEqualTo(Route.CONFIDENT);
    assertThat(policy.decide("order_status", 0.69, 5, 0)).isEqualTo(Route.LOW_CONFIDENCE);
  }

  @Test
  void humanOnlyIntentGoesToAPersonHoweverConfident() {
    assertThat(policy.decide("complaint", 0.99, 5, 0)).isEqualTo(Route.HUMAN_ONLY);
  }

  @Test
  void intentWithoutAThresholdGoesToAPerson() {
    assertThat(policy.decide("refund", 0.99, 5, 0)).isEqualTo(Route.NO_THRESHOLD);
    assertThat(policy.decide("payment", 0.99, 5, 0)).isEqualTo(Route.NO_THRESHOLD);
  }

  @Test
  void emptyTextAndUnseenWordsGoToAPersonBeforeAnythingElse() {
    assertThat(policy.decide("order_status", 0.99, 0, 0)).isEqualTo(Route.EMPTY_TEXT);
    // 3 of 5 unknown = 0.6 > 0.5; 2 of 4 = 0.5 is still trusted.
    assertThat(policy.decide("order_status", 0.99, 5, 3)).isEqualTo(Route.UNSEEN_LANGUAGE);
    assertThat(policy.decide("order_status", 0.99, 4, 2)).isEqualTo(Route.CONFIDENT);
  }

  @Test
  void withoutAModelEverythingGoesToAPerson() {
    RoutingPolicy none = RoutingPolicy.noModel();
    assertThat(none.decide("order_status", 0.0, 3, 0)).isEqualTo(Route.NO_MODEL);
    assertThat(none.decide("order_status", 0.0, 0, 0)).isEqualTo(Route.EMPTY_TEXT);
    assertThat(Route.CONFIDENT.route()).isEqualTo(Route.AUTOMATE);
  }
}
