package io.cxlake.jobs.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registries from the command line: `models` promote, rollback and list with who, when and why;
 * `automations` recording the catalogue and each change of regional policy once.
 */
@ExtendWith(SparkExtension.class)
class RegistryCommandsTest {
  private static final LocalDate D1 = LocalDate.of(2026, 11, 1);

  private static int cxlake(Lake lake, String... args) {
    List<String> a = new ArrayList<>(List.of(args));
    a.addAll(List.of("--set", "lake.root=" + lake.root()));
    return Main.run(Secrets.fromEnvironment(), a.toArray(String[]::new));
  }

  private static String out(Lake lake, String... args) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream old = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      assertThat(cxlake(lake, args)).isEqualTo(ExitCodes.OK);
    } finally {
      System.setOut(old);
    }
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void modelsPromoteRollbackAndListKeepWhoWhenAndWhy(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    ModelRegistry reg = new ModelRegistry(lake);
    for (int d = 0; d < 2; d++) {
      LocalDate day = D1.plusDays(d);
      reg.record(
          new ModelVersion(
              "return_risk",
              ModelVersion.versionFor("return_risk", day),
              day,
              Map.of(),
              Map.of("auc_roc", 0.7 - d * 0.1),
              day.minusDays(30),
              day,
              Map.of()),
          new ChampionGate.Decision(d == 0, d == 0 ? "beats baseline" : "worse than champion"));
    }
    String v2 = ModelVersion.versionFor("return_risk", D1.plusDays(1));
    assertThat(
            cxlake(
                lake,
                "models",
                "promote",
                "--model",
                "return_risk",
                "--version",
                v2,
                "--by",
                "dana",
                "--reason",
                "seasonal data"))
        .isEqualTo(ExitCodes.OK);
    assertThat(reg.champion("return_risk").orElseThrow().version()).isEqualTo(v2);
    assertThat(
            cxlake(
                lake,
                "models",
                "rollback",
                "--model",
                "return_risk",
                "--by",
                "sam",
                "--reason",
                "complaints"))
        .isEqualTo(ExitCodes.OK);
    assertThat(reg.champion("return_risk").orElseThrow().version())
        .isEqualTo(ModelVersion.versionFor("return_risk", D1));

    List<ModelRegistry.Event> events = reg.events("return_risk");
    ModelRegistry.Event promote = events.get(events.size() - 2);
    ModelRegistry.Event rollback = events.get(events.size() - 1);
    assertThat(List.of(promote.event(), promote.by(), promote.reason()))
        .containsExactly("promoted", "dana", "seasonal data");
    assertThat(List.of(rollback.event(), rollback.by(), rollback.reason()))
        .containsExactly("rolled_back", "sam", "complaints");
    assertThat(rollback.at()).isAfter(promote.at());

    String list = out(lake, "models", "list");
    assertThat(list)
        .contains("return_risk: champion return_risk-2026-11-01")
        .contains("worse than champion")
        .contains("by dana")
        .contains("seasonal data")
        .contains("complaints");

    // Refusals are bad arguments: exit 2, nothing recorded.
    int before = reg.events("return_risk").size();
    assertThat(
            cxlake(
                lake,
                "models",
                "promote",
                "--model",
                "return_risk",
                "--version",
                "nope",
                "--reason",
                "x"))
        .isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(cxlake(lake, "models", "promote", "--model", "return_risk", "--version", v2))
        .as("a reason is required")
        .isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(reg.events("return_risk")).hasSize(before);
  }

  @Test
  void automationsRecordTheCatalogueAndEachPolicyChangeOnce(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    String d1 = D1.toString();
    String d2 = D1.plusDays(1).toString();
    assertThat(cxlake(lake, "automations", "--run-date", d1)).isEqualTo(ExitCodes.OK);
    assertThat(lake.read(GovernanceTable.AUTOMATION_CHANGES).count()).isEqualTo(4); // registered
    String offInEu = "governance.regions.EU.automations=cart_email,support_bot,return_risk";
    String out = out(lake, "automations", "--run-date", d2, "--set", offInEu);
    assertThat(out).contains("changed: homepage_recs disabled in EU");
    assertThat(cxlake(lake, "automations", "--run-date", d2, "--set", offInEu))
        .as("rerun")
        .isEqualTo(ExitCodes.OK);

    List<Row> changes =
        lake.read(GovernanceTable.AUTOMATION_CHANGES)
            .where("change <> 'registered'")
            .collectAsList();
    assertThat(changes).hasSize(1);
    Row c = changes.get(0);
    assertThat(List.of(c.getAs("automation"), c.getAs("change"), c.getAs("region")))
        .containsExactly("homepage_recs", "disabled", "EU");
    assertThat(c.getDate(c.fieldIndex("run_date")).toLocalDate()).isEqualTo(D1.plusDays(1));
    Row recs = lake.read(GovernanceTable.AUTOMATIONS).where("name = 'homepage_recs'").head();
    assertThat(recs.getList(recs.fieldIndex("regions"))).containsExactly("UK", "US", "default");
    assertThat(recs.getDate(recs.fieldIndex("updated_on")).toLocalDate()).isEqualTo(D1.plusDays(1));
    Row bot = lake.read(GovernanceTable.AUTOMATIONS).where("name = 'support_bot'").head();
    assertThat(bot.getDate(bot.fieldIndex("updated_on")).toLocalDate()).isEqualTo(D1);
  }
}
