package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureTable;
import io.cxlake.features.TrainingSet;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the generated shop (EU and UK need explicit consent, the US is opt-out; some customers never
 * consent, some withdraw on a later day), no user without the needed consent as of the training
 * date is in a personalised training set: the recommenders' interactions or return risk's labelled
 * lines. The expectation comes from the landing zone's customer exports, read here.
 */
@ExtendWith(SparkExtension.class)
class ConsentIT {
  private static final LocalDate DAY = SharedShop.LAST;

  /** Per user, the newest customer export line by the end of DAY: region and the consents. */
  private static Map<String, String[]> latestExports() throws Exception {
    Map<String, String[]> latest = new HashMap<>();
    Map<String, Instant> when = new HashMap<>();
    Instant end = DAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    try (Stream<Path> files = Files.walk(SharedShop.root().resolve("landing/customers"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] c = line.split(",", -1);
          if (c.length != 10 || c[0].equals("user_id")) {
            continue;
          }
          Instant at = Instant.parse(c[9]);
          if (at.isBefore(end) && (when.get(c[0]) == null || at.isAfter(when.get(c[0])))) {
            when.put(c[0], at);
            latest.put(c[0], c);
          }
        }
      }
    }
    return latest;
  }

  /** The users who may NOT be used for the purpose (column 6, 7 or 8 of the export). */
  private static Set<String> refused(Map<String, String[]> exports, int column) {
    Set<String> out = new TreeSet<>();
    exports.forEach(
        (u, c) -> {
          if (c[column].equals("false")) {
            out.add(u); // false refuses in an opt-in and an opt-out region alike
          }
        });
    return out;
  }

  private static Set<String> users(org.apache.spark.sql.Dataset<Row> rows) {
    Set<String> out = new TreeSet<>();
    rows.select("user_id").distinct().collectAsList().forEach(r -> out.add(r.getString(0)));
    return out;
  }

  @Test
  void usersWithoutConsentAreInNoPersonalisedTrainingSet() throws Exception {
    Lake lake = SharedShop.lake(SharedShop.root().resolve("lake"));
    CxConfig.GovernanceSettings policy = ConfigLoader.load(null, List.of()).governance();
    Map<String, String[]> exports = latestExports();
    Set<String> noPersonalisation = refused(exports, 6);
    Set<String> noProfiling = refused(exports, 8);
    assertThat(noPersonalisation).as("the shop has customers without consent").isNotEmpty();

    LocalDate asOf = DAY.plusDays(1);
    Set<String> everyone =
        users(
            lake.read(FeatureTable.INTERACTIONS)
                .where(col("as_of").equalTo(java.sql.Date.valueOf(asOf))));
    Set<String> personalised = users(TrainingSet.interactions(lake, asOf, policy));
    assertThat(everyone)
        .as("the snapshot holds some of them")
        .containsAnyElementsOf(noPersonalisation);
    assertThat(personalised).isNotEmpty().doesNotContainAnyElementsOf(noPersonalisation);
    Set<String> expected = new TreeSet<>(everyone);
    expected.removeAll(noPersonalisation);
    assertThat(personalised).as("and nobody else is left out").isEqualTo(expected);

    Set<String> risk = users(TrainingSet.returnRisk(lake, asOf, 1, policy));
    Set<String> riskAll = users(TrainingSet.returnRisk(lake, asOf, 1));
    assertThat(riskAll).containsAnyElementsOf(noProfiling);
    assertThat(risk).isNotEmpty().doesNotContainAnyElementsOf(noProfiling);

    // A withdrawal: consent_history keeps both states, the customers table only the last.
    List<Row> withdrew =
        lake.read(GovernanceTable.CONSENT_HISTORY)
            .where("purpose = 'personalisation'")
            .groupBy("user_id")
            .agg(org.apache.spark.sql.functions.countDistinct("granted").as("states"))
            .where("states = 2")
            .collectAsList();
    assertThat(withdrew).as("customers who withdrew").isNotEmpty();
    for (Row r : withdrew) {
      assertThat(personalised).doesNotContain(r.getString(0));
    }
  }
}
