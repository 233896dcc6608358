package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VersionRulesTest {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  static Version v(long id, LocalDate day, String status) {
    return new Version(id, day, status, Instant.EPOCH);
  }

  @Test
  void anOlderRunDateIsRefusedUnlessForcedAndTheSameOrLaterPasses() {
    Optional<Version> cur = Optional.of(v(4, D, Version.PUBLISHED));
    assertThatThrownBy(
            () -> VersionRules.checkNotLate(cur, v(5, D.minusDays(1), Version.WRITING), false))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("version 4");
    VersionRules.checkNotLate(cur, v(5, D.minusDays(1), Version.WRITING), true);
    VersionRules.checkNotLate(cur, v(5, D, Version.WRITING), false); // a same-day rerun
    VersionRules.checkNotLate(Optional.empty(), v(1, D, Version.WRITING), false);
  }

  @Test
  void rollbackGoesToTheNewestPublishedVersionBeforeTheCurrentOne() {
    List<Version> vs =
        List.of(
            v(5, D, Version.WRITING),
            v(4, D, Version.PUBLISHED),
            v(3, D, Version.PUBLISHED),
            v(2, D, Version.PUBLISHED));
    assertThat(VersionRules.rollbackTarget(vs, vs.get(1), OptionalLong.empty()).id()).isEqualTo(3);
    assertThat(VersionRules.rollbackTarget(vs, vs.get(2), OptionalLong.of(4)).id()).isEqualTo(4);
    assertThatThrownBy(() -> VersionRules.rollbackTarget(vs, vs.get(1), OptionalLong.of(5)))
        .hasMessageContaining("not a published version");
    assertThatThrownBy(() -> VersionRules.rollbackTarget(vs, vs.get(3), OptionalLong.empty()))
        .hasMessageContaining("no published version older");
  }

  @Test
  void pruningKeepsTheCurrentVersionAndTheNewestOthers() {
    List<Version> vs =
        List.of(
            v(6, D, Version.PUBLISHED),
            v(5, D, Version.PUBLISHED),
            v(4, D, Version.PUBLISHED),
            v(3, D, Version.PUBLISHED));
    assertThat(VersionRules.toDrop(vs, 6, 2)).containsExactly(4L, 3L);
    // after a rollback to 3, version 3 is current and stays
    assertThat(VersionRules.toDrop(vs, 3, 2)).containsExactly(5L, 4L);
  }
}
