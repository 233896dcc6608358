package io.cxlake.lake.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GovernanceConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsHoldARegionPolicyPerRegionAndTheCatalogue() {
    CxConfig.GovernanceSettings g = ConfigLoader.load(null, List.of()).governance();
    assertThat(g.regions()).containsKeys("default", "EU", "UK", "US");
    assertThat(g.region("EU").explicitConsent())
        .containsExactly("personalisation", "marketing", "profiling");
    assertThat(g.region("US").explicitConsent()).containsExactly("marketing");
    assertThat(g.region("Mars")).isEqualTo(g.region("default"));
    assertThat(g.automations().get("homepage_recs").purpose()).isEqualTo("personalisation");
    assertThat(g.automations().get("support_bot").purpose()).isNull();
    assertThat(g.automations().get("cart_email").started()).isEqualTo(LocalDate.of(2026, 1, 1));
    assertThat(g.automations().get("cart_email").retired()).isNull();
  }

  @Test
  void aRegionsAutomationsCanBeSetAsACommaSeparatedStringAndNewRegionsAdded() throws Exception {
    File f = dir.resolve("g.conf").toFile();
    Files.writeString(
        f.toPath(),
        "governance.regions.APAC { automations = [support_bot], explicit-consent = [] }\n"
            + "governance.automations.support_bot.retired = \"2026-11-01\"\n");
    CxConfig.GovernanceSettings g =
        ConfigLoader.load(f, List.of("governance.regions.EU.automations=cart_email, support_bot"))
            .governance();
    assertThat(g.region("EU").automations()).containsExactly("cart_email", "support_bot");
    assertThat(g.region("EU").explicitConsent()).hasSize(3); // the rest of EU stays as it was
    assertThat(g.region("APAC").automations()).containsExactly("support_bot");
    assertThat(g.region("APAC").explicitConsent()).isEmpty();
    assertThat(g.automations().get("support_bot").retired()).isEqualTo(LocalDate.of(2026, 11, 1));
    assertThat(
            ConfigLoader.load(null, List.of("governance.regions.EU.automations="))
                .governance()
                .region("EU")
                .automations())
        .isEmpty();
  }

  @Test
  void mistakesInTheOpenSectionsNameTheKey() {
    assertThatThrownBy(
            () -> ConfigLoader.load(null, List.of("governance.regions.EU.automatons=cart_email")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("governance.regions.EU.automatons");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, List.of("governance.regions.EU.automations=chatbot")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("'chatbot'")
        .hasMessageContaining("governance.automations does not list");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, List.of("governance.regions.US.explicit-consent=spam")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("governance.regions.US.explicit-consent")
        .hasMessageContaining("'spam'");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, List.of("governance.automations.cart_email.purpose=x")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("governance.automations.cart_email.purpose");
    assertThatThrownBy(
            () -> ConfigLoader.load(null, List.of("governance.automations.cart_email.started=May")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("governance.automations.cart_email")
        .hasMessageContaining("'May'");
  }

  @Test
  void retentionTakesAnyTableNameAndNonNegativeDays() {
    CxConfig.RetentionSettings r =
        ConfigLoader.load(null, List.of("retention.days.order_lines=3650")).retention();
    assertThat(r.days()).containsEntry("events", 395).containsEntry("order_lines", 3650);
    assertThat(r.vacuumHours()).isEqualTo(168);
    assertThatThrownBy(() -> ConfigLoader.load(null, List.of("retention.days.events=-1")))
        .isInstanceOf(ConfigError.class)
        .hasMessageContaining("retention.days.events");
  }
}
