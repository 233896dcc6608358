package io.cxlake.jobs.intents;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.sim.SimParams;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.intents.IntentTables;
import io.cxlake.models.intents.Intents;
import io.cxlake.models.intents.Route;
import io.cxlake.models.registry.ChampionGate;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.registry.ModelVersion;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The intents command on a simulated shop: trained on two weeks of tagged tickets, it must score
 * every ticket of the run date, keep automated precision on held-out tickets at the target, and
 * route empty or foreign-language tickets to a person with a reason.
 */
@ExtendWith(SparkExtension.class)
class IntentsCommandIT {
  private static final SimParams SHOP =
      new SimParams(11, 6000, 60, 15, 0.0, LocalDate.of(2026, 10, 1));
  private static final LocalDate DAY = SHOP.lastDay();
  private static final double TARGET = 0.9;

  /** Tickets no template wrote: each must reach a person, with this reason. */
  private static final Map<String, String> ODD =
      Map.of(
          "odd-empty", "",
          "odd-blank", "   \t ",
          "odd-punct", "?!? ...",
          "odd-french", "bonjour, ma commande n'est toujours pas arrivée, pouvez-vous vérifier",
          "odd-japanese", "注文した商品がまだ届いていません。確認してください。",
          "odd-german", "Guten Tag, wo bleibt meine Bestellung? Vielen Dank im Voraus");

  @TempDir static Path dir;
  private static Lake lake;
  private static int firstRun;

  @BeforeAll
  static void trainAndScore() throws Exception {
    SparkSession spark = SparkExtension.spark();
    lake = new Lake(spark, dir.resolve("lake").toString());
    SimulatedTickets.load(spark, SHOP, dir, lake);
    lake.append(Table.TICKETS, oddTickets(spark));
    firstRun = intents();
  }

  private static int intents(String... extraSets) {
    return intents(DAY, extraSets);
  }

  private static int intents(LocalDate day, String... extraSets) {
    return cxlake(List.of("intents"), day, dir.resolve("lake"), extraSets);
  }

  private static int cxlake(
      List<String> command, LocalDate day, Path lakeRoot, String... extraSets) {
    List<String> args = new java.util.ArrayList<>(command);
    args.addAll(
        List.of(
            "--run-date",
            day.toString(),
            "--set",
            "lake.root=" + lakeRoot,
            "--set",
            "intents.labels=" + dir.resolve("truth/tickets.csv"),
            "--set",
            "intents.precision-target=" + TARGET));
    for (String s : extraSets) {
      args.add("--set");
      args.add(s);
    }
    return Main.run(Secrets.fromEnvironment(), args.toArray(String[]::new));
  }

  private static Dataset<Row> oddTickets(SparkSession spark) {
    Timestamp at = Timestamp.valueOf(DAY.atTime(12, 0));
    List<Row> rows =
        ODD.entrySet().stream()
            .map(
                e ->
                    RowFactory.create(
                        e.getKey(),
                        "u-odd",
                        null,
                        at,
                        "email",
                        null,
                        e.getValue(),
                        null,
                        null,
                        null,
                        Date.valueOf(DAY),
                        Date.valueOf(DAY)))
            .toList();
    return spark.createDataFrame(rows, Table.TICKETS.schema());
  }

  private static Map<String, Double> kpis() {
    Map<String, Double> k = new HashMap<>();
    for (Row r :
        lake.read(IntentTables.INTENT_KPIS).where("run_date = DATE'" + DAY + "'").collectAsList()) {
      k.put(r.getString(0), r.isNullAt(1) ? null : r.getDouble(1));
    }
    return k;
  }

  @Test
  void everyTicketOfTheDayIsScoredOnceWithARouteAndAReason() {
    assertThat(firstRun).isEqualTo(ExitCodes.OK);
    long tickets = lake.read(Table.TICKETS).where("ticket_date = DATE'" + DAY + "'").count();
    Dataset<Row> scores =
        lake.read(IntentTables.TICKET_ROUTING).where("run_date = DATE'" + DAY + "'");
    assertThat(scores.count()).isEqualTo(tickets);
    assertThat(scores.select("ticket_id").distinct().count()).isEqualTo(tickets);
    assertThat(scores.where("route NOT IN ('automate', 'person') OR reason IS NULL").count())
        .isZero();
    assertThat(scores.where("route = 'automate'").count()).isPositive();
  }

  @Test
  void emptyAndForeignTicketsGoToAPersonWithAReason() {
    Map<String, String> reasons = new HashMap<>();
    lake.read(IntentTables.TICKET_ROUTING)
        .where("ticket_id LIKE 'odd-%'")
        .collectAsList()
        .forEach(r -> reasons.put(r.getString(0), r.getString(3) + "/" + r.getString(4)));
    String empty = Route.EMPTY_TEXT.route() + "/" + Route.EMPTY_TEXT.reason();
    String foreign = Route.UNSEEN_LANGUAGE.route() + "/" + Route.UNSEEN_LANGUAGE.reason();
    assertThat(reasons)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "odd-empty", empty,
                "odd-blank", empty,
                "odd-punct", empty,
                "odd-french", foreign,
                "odd-japanese", foreign,
                "odd-german", foreign));
  }

  @Test
  void heldOutAutomatedPrecisionMeetsTheTarget() {
    Map<String, Double> k = kpis();
    System.out.println("intents KPIs on " + DAY + ": " + new java.util.TreeMap<>(k));
    assertThat(k.get("precision_target")).isEqualTo(TARGET);
    assertThat(k.get("test_automated_precision")).isGreaterThanOrEqualTo(TARGET);
    assertThat(k.get("test_macro_f1")).isGreaterThan(0.8);
    assertThat(k.get("predicted_containment")).isBetween(0.2, 1.0);
  }

  @Test
  void humanOnlyIntentsAreNeverAutomated() {
    assertThat(
            lake.read(IntentTables.TICKET_ROUTING)
                .where("intent IN ('complaint', 'other') AND route = 'automate'")
                .count())
        .isZero();
  }

  @Test
  void theChampionIsRegisteredAndScoresAloneAsItDidAndAWorseModelIsRejected() throws Exception {
    ModelRegistry registry = new ModelRegistry(lake);
    String version = ModelVersion.versionFor(Intents.MODEL, DAY);
    ModelRegistry.Event champion = registry.champion(Intents.MODEL).orElseThrow();
    assertThat(champion.version()).isEqualTo(version);
    assertThat(champion.metrics().get("macro_f1"))
        .isGreaterThan(champion.metrics().get("baseline_macro_f1"));
    Dataset<Row> day = lake.read(IntentTables.TICKET_ROUTING).where("run_date = DATE'" + DAY + "'");
    assertThat(day.where("model_version <> '" + version + "'").count()).isZero();
    List<Row> before = day.orderBy("ticket_id").collectAsList();

    // score intents alone loads the saved champion: the same routes, intents and confidences.
    assertThat(cxlake(List.of("score", "intents"), DAY, dir.resolve("lake")))
        .isEqualTo(ExitCodes.OK);
    List<Row> after =
        lake.read(IntentTables.TICKET_ROUTING)
            .where("run_date = DATE'" + DAY + "'")
            .orderBy("ticket_id")
            .collectAsList();
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      Row b = before.get(i);
      Row a = after.get(i);
      assertThat(a.getString(0) + a.getString(1) + a.getString(3) + a.getString(4))
          .isEqualTo(b.getString(0) + b.getString(1) + b.getString(3) + b.getString(4));
      assertThat(a.getDouble(2))
          .isCloseTo(b.getDouble(2), org.assertj.core.data.Offset.offset(1e-9));
    }

    // A champion better than anything this data allows (the same model, claimed at 0.999).
    String planted = "intents-planted";
    copyTree(
        Path.of(IntentsJob.modelDir(lake, version)), Path.of(IntentsJob.modelDir(lake, planted)));
    registry.record(
        new ModelVersion(
            Intents.MODEL, planted, DAY, Map.of(), Map.of("macro_f1", 0.999), DAY, DAY, Map.of()),
        new ChampionGate.Decision(true, "planted champion"));
    assertThat(cxlake(List.of("train", "intents"), DAY, dir.resolve("lake")))
        .isEqualTo(ExitCodes.GATE_BLOCKED);
    assertThat(registry.champion(Intents.MODEL).orElseThrow().version()).isEqualTo(planted);
    assertThat(registry.events(Intents.MODEL))
        .extracting(e -> e.version() + " " + e.event() + " " + e.reason())
        .anyMatch(
            e ->
                e.startsWith(version + " rejected macro_f1")
                    && e.contains("below the champion's 0.9990"));
  }

  private static void copyTree(Path from, Path to) throws java.io.IOException {
    try (var files = java.nio.file.Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path t = to.resolve(from.relativize(f).toString());
        if (java.nio.file.Files.isDirectory(f)) {
          java.nio.file.Files.createDirectories(t);
        } else {
          java.nio.file.Files.copy(f, t);
        }
      }
    }
  }

  @Test
  void withNothingToLearnFromEveryTicketGoesToAPersonAndARerunReplacesTheDay() {
    // A lake with only the first day's tickets: no earlier ones to train on, no champion. Run
    // twice: the partition is replaced.
    LocalDate first = SHOP.firstDay();
    Path young = dir.resolve("young-lake");
    Lake lake = new Lake(SparkExtension.spark(), young.toString());
    lake.append(
        Table.TICKETS,
        IntentsCommandIT.lake.read(Table.TICKETS).where("ticket_date = DATE'" + first + "'"));
    assertThat(cxlake(List.of("intents"), first, young)).isEqualTo(ExitCodes.OK);
    assertThat(cxlake(List.of("intents"), first, young)).isEqualTo(ExitCodes.OK);
    assertThat(new ModelRegistry(lake).champion(Intents.MODEL)).isEmpty();
    Dataset<Row> scores =
        lake.read(IntentTables.TICKET_ROUTING).where("run_date = DATE'" + first + "'");
    assertThat(scores.count())
        .isEqualTo(lake.read(Table.TICKETS).where("ticket_date = DATE'" + first + "'").count())
        .isPositive();
    assertThat(scores.where("route = 'person' AND reason = 'no_model'").count())
        .isEqualTo(scores.count());
    Dataset<Row> kpis = lake.read(IntentTables.INTENT_KPIS).where("run_date = DATE'" + first + "'");
    assertThat(kpis.count()).isEqualTo(kpis.select("kpi").distinct().count());
    assertThat(kpis.where("kpi = 'predicted_containment'").head().getDouble(1)).isZero();
    assertThat(
            lake.read(Table.RUNS)
                .where("step = 'intents' AND status = 'succeeded'")
                .where("run_date = DATE'" + first + "'")
                .count())
        .isEqualTo(2);
  }

  @Test
  void missingTagsFailTheStepAndLeaveTheTablesAsTheyWere() {
    long before = lake.version(IntentTables.TICKET_ROUTING);
    int code = intents("intents.labels=" + dir.resolve("no-such-tags.csv"));
    assertThat(code).isEqualTo(ExitCodes.STEP_FAILED);
    assertThat(lake.version(IntentTables.TICKET_ROUTING)).isEqualTo(before);
  }
}
