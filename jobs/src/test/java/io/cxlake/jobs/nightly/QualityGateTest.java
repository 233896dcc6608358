package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.CxConfig.GateSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QualityGateTest {
  private static final GateSettings FIVE_PERCENT = GateSettings.basic(0.05, 10);

  @Test
  void passesAtTheLimitAndBlocksJustAboveIt() {
    assertThat(judge(1000, 50, 500).pass()).isTrue();
    QualityGate.Verdict v = judge(1000, 51, 500);
    assertThat(v.pass()).isFalse();
    assertThat(v.reason()).contains("5.1%", "51 of 1000", "gates.max-quarantine-share");
  }

  @Test
  void blocksADayWithTooFewEvents() {
    QualityGate.Verdict v = judge(100, 0, 9);
    assertThat(v.pass()).isFalse();
    assertThat(v.reason()).contains("only 9 events", "gates.min-events 10");
    assertThat(judge(100, 0, 10).pass()).isTrue();
  }

  @Test
  void anEmptyDayIsBlockedForItsMissingEventsNotForADivisionByZero() {
    QualityGate.Verdict v = judge(0, 0, 0);
    assertThat(v.pass()).isFalse();
    assertThat(v.reason()).contains("only 0 events");
  }

  private static QualityGate.Verdict judge(long read, long quarantined, long events) {
    return QualityGate.judge(
        Map.of("read", read, "quarantined", quarantined, "events.written", events), FIVE_PERCENT);
  }
}
