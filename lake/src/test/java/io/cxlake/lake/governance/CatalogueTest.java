package io.cxlake.lake.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);
  private static final LocalDate D2 = D1.plusDays(1);

  private static Map<String, Catalogue.Entry> config(LocalDate day, String... sets) {
    CxConfig.GovernanceSettings g = ConfigLoader.load(null, List.of(sets)).governance();
    return Catalogue.fromConfig(g, day);
  }

  @Test
  void theConfigGivesEachAutomationTheRegionsWhosePolicyEnablesIt() {
    Map<String, Catalogue.Entry> c =
        config(D1, "governance.regions.US.automations=support_bot,cart_email");
    assertThat(c.get("homepage_recs").regions()).containsExactly("EU", "UK", "default");
    assertThat(c.get("support_bot").regions()).containsExactly("EU", "UK", "US", "default");
    assertThat(c.get("homepage_recs").status()).isEqualTo(Catalogue.ACTIVE);
    assertThat(c.get("homepage_recs").purpose()).isEqualTo("personalisation");
  }

  @Test
  void everyChangeIsNamedAndNothingChangedMeansNoChange() {
    Map<String, Catalogue.Entry> first = config(D1);
    assertThat(Catalogue.changes(Map.of(), first, D1))
        .extracting(Catalogue.Change::change)
        .containsOnly("registered")
        .hasSize(first.size());
    assertThat(Catalogue.changes(first, config(D2), D2)).isEmpty();

    Map<String, Catalogue.Entry> second =
        config(
            D2,
            "governance.regions.EU.automations=cart_email,support_bot,return_risk",
            "governance.automations.cart_email.retired=2026-11-02",
            "governance.automations.support_bot.owner=service-desk");
    assertThat(Catalogue.changes(first, second, D2))
        .containsExactlyInAnyOrder(
            new Catalogue.Change("homepage_recs", "disabled", "EU", null),
            new Catalogue.Change("cart_email", "retired", null, null),
            new Catalogue.Change("support_bot", "changed", null, "owner support -> service-desk"));
    // Retired from a later date on: active until then.
    assertThat(
            config(D1, "governance.automations.cart_email.retired=2026-11-02")
                .get("cart_email")
                .status())
        .isEqualTo(Catalogue.ACTIVE);
    assertThat(Catalogue.changes(second, first, D2))
        .contains(
            new Catalogue.Change("homepage_recs", "enabled", "EU", null),
            new Catalogue.Change("cart_email", "reactivated", null, null));
  }

  @Test
  void anAutomationDroppedFromTheConfigStaysInTheCatalogueAsRetired() {
    Map<String, Catalogue.Entry> first = config(D1);
    Map<String, Catalogue.Entry> without = new java.util.TreeMap<>(first);
    without.remove("support_bot");
    assertThat(Catalogue.changes(first, without, D2))
        .containsExactly(
            new Catalogue.Change("support_bot", "retired", null, "no longer in the config"));
    Catalogue.Entry kept = Catalogue.merged(first, without, D2).get("support_bot");
    assertThat(kept.status()).isEqualTo(Catalogue.RETIRED);
    assertThat(kept.retired()).isEqualTo(D2);
    assertThat(kept.regions()).isEmpty();
    // and the next run sees nothing new
    assertThat(Catalogue.changes(Catalogue.merged(first, without, D2), without, D2)).isEmpty();
  }
}
