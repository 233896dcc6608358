package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.features.FeatureTable;
import io.cxlake.jobs.Main;
import io.cxlake.jobs.Pipeline;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import io.cxlake.lake.governance.Consent;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.recs.Recommender;
import io.cxlake.models.recs.RecsTable;
import io.cxlake.models.registry.ModelRegistry;
import io.cxlake.models.score.ScoreTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * train recs and score recs on a generated shop whose users have planted category tastes (items
 * drawn by taste × item popularity): on the time split the blend must beat popularity and every
 * single layer on nDCG@10; cold-start users and new items must get content or popular
 * recommendations; a user without consent gets exactly the region's popular list.
 */
@ExtendWith(SparkExtension.class)
class RecsEndToEndIT {
  private static final LocalDate FIRST = LocalDate.of(2026, 10, 1);
  private static final int DAYS = 12;
  private static final LocalDate LAST = FIRST.plusDays(DAYS - 1);
  private static final int HOLDOUT = 4;
  private static final String NEW_ITEM = "i-new-shoe";
  private static final Secrets SECRETS =
      Secrets.fromEnvironment()
          .withOverrides(Map.of("CXLAKE_PSEUDONYM_KEY", "recs-test-key-0123456789abcdef"));

  @TempDir static Path dir;
  private static Lake lake;
  private static Pipeline pipeline;
  private static Map<String, Row> metrics;

  private static List<String> sets() {
    return List.of(
        "lake.root=" + dir.resolve("lake"),
        "lake.landing=" + dir.resolve("landing"),
        "recs.holdout-days=" + HOLDOUT,
        "recs.als.rank=16",
        "recs.als.iterations=8");
  }

  private static String[] command(String... words) {
    List<String> a = new ArrayList<>(List.of(words));
    for (String s : sets()) {
      a.add("--set");
      a.add(s);
    }
    a.add("--run-date");
    a.add(LAST.toString());
    return a.toArray(String[]::new);
  }

  @BeforeAll
  static void buildTrainScore() throws Exception {
    String reuse = System.getProperty("cxlake.test.recs-shop");
    if (reuse != null) {
      dir = Path.of(reuse); // a shop an earlier run built: for iterating on the recommenders
    }
    CxConfig config = ConfigLoader.load(null, sets());
    pipeline = new Pipeline(config, SparkExtension.spark(), SECRETS);
    lake = pipeline.lake();
    long t0 = System.nanoTime();
    if (!Files.isDirectory(dir.resolve("lake/events"))) {
      PlantedShop.build(dir, pipeline, FIRST, LAST, 3000, 160);
    }
    listNewItem();
    System.out.printf("recs IT: shop built in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    long t1 = System.nanoTime();
    assertThat(Main.run(SECRETS, command("train", "recs"))).isEqualTo(ExitCodes.OK);
    System.out.printf("recs IT: train recs in %.1f s%n", (System.nanoTime() - t1) / 1e9);
    long t2 = System.nanoTime();
    assertThat(Main.run(SECRETS, command("score", "recs"))).isEqualTo(ExitCodes.OK);
    System.out.printf("recs IT: score recs in %.1f s%n", (System.nanoTime() - t2) / 1e9);
    metrics = new LinkedHashMap<>();
    for (Row r :
        lake.read(RecsTable.RECS_METRICS)
            .where(col("run_date").equalTo(lit(Date.valueOf(LAST))))
            .collectAsList()) {
      metrics.put(r.getAs("layer"), r);
      System.out.printf(
          "recs IT: %-9s ndcg@10 %.4f p@10 %.4f r@10 %.4f map@10 %.4f coverage %.3f users %d%n",
          r.<String>getAs("layer"),
          r.<Double>getAs("ndcg_at_k"),
          r.<Double>getAs("precision_at_k"),
          r.<Double>getAs("recall_at_k"),
          r.<Double>getAs("map_at_k"),
          r.<Double>getAs("coverage"),
          r.<Long>getAs("users"));
    }
  }

  /**
   * A shoe listed on the last day, so no one has interacted with it: a copy of an existing in-stock
   * shoe's text under a new id.
   */
  private static void listNewItem() {
    Dataset<Row> items = lake.read(Table.ITEMS);
    if (!items.where(col("item_id").equalTo(NEW_ITEM)).isEmpty()) {
      return;
    }
    Row shoe =
        items
            .where(col("category").equalTo("shoes").and(col("in_stock")))
            .orderBy("item_id")
            .head();
    lake.append(
        Table.ITEMS,
        items
            .where(col("item_id").equalTo(shoe.<String>getAs("item_id")))
            .withColumn("item_id", lit(NEW_ITEM))
            .withColumn("updated_at", lit(java.sql.Timestamp.valueOf(LAST.atStartOfDay())))
            .withColumn("ingest_date", lit(Date.valueOf(LAST))));
  }

  private static double ndcg(String layer) {
    assertThat(metrics).as("recs_metrics layers").containsKey(layer);
    return metrics.get(layer).getAs("ndcg_at_k");
  }

  @Test
  void blendBeatsPopularityAndEverySingleLayer() {
    double blend = ndcg("blend");
    assertThat(metrics.keySet()).contains("als", "content", "session", "popular");
    for (String layer : metrics.keySet()) {
      if (!layer.equals("blend") && !layer.equals("champion")) {
        assertThat(blend).as("blend vs %s", layer).isGreaterThan(ndcg(layer));
      }
    }
    long users = metrics.get("blend").getAs("users");
    assertThat(users).as("holdout users").isGreaterThan(200);
  }

  /**
   * Against the planted truth: for personalised users with history, the served items fall in the
   * categories the user was planted to like more than their region's popular list does (mean
   * planted taste share of a recommended item's category).
   */
  @Test
  void servedItemsFollowThePlantedTastes() {
    Dataset<Row> tastes =
        SparkExtension.spark()
            .read()
            .option("header", "true")
            .csv(dir.resolve("truth/user_tastes.csv").toString());
    List<String> cats =
        List.of("shoes", "clothing", "electronics", "home", "beauty", "books", "sports", "toys");
    org.apache.spark.sql.Column total = lit(0.0);
    for (String c : cats) {
      total = total.plus(col("taste_" + c).cast("double"));
    }
    Dataset<Row> share = null;
    for (String c : cats) {
      Dataset<Row> one =
          tastes.select(
              col("user_id"),
              lit(c).as("category"),
              col("taste_" + c).cast("double").divide(total).as("share"));
      share = share == null ? one : share.unionByName(one);
    }
    Dataset<Row> items = lake.read(Table.ITEMS).select("item_id", "category");
    Dataset<Row> withHistory =
        lake.read(FeatureTable.INTERACTIONS)
            .where(col("as_of").equalTo(lit(Date.valueOf(LAST.plusDays(1)))))
            .select("user_id")
            .distinct()
            .join(personalised(), "user_id", "left_semi");
    Dataset<Row> served =
        today(ScoreTable.RECOMMENDATIONS)
            .join(withHistory, "user_id", "left_semi")
            .select("user_id", "item_id");
    Dataset<Row> regions = lake.read(Table.CUSTOMERS).select("user_id", "region");
    Dataset<Row> popular =
        withHistory
            .join(regions, "user_id")
            .join(today(ScoreTable.POPULAR).where(col("rank").leq(10)), "region")
            .select("user_id", "item_id");
    double servedShare = meanShare(served, items, share);
    double popularShare = meanShare(popular, items, share);
    System.out.printf(
        "recs IT: planted taste share of a recommended item's category: served %.4f, popular %.4f%n",
        servedShare, popularShare);
    assertThat(servedShare).isGreaterThan(popularShare * 1.1);
  }

  private static double meanShare(Dataset<Row> recs, Dataset<Row> items, Dataset<Row> share) {
    return recs.join(items, "item_id")
        .join(share, new String[] {"user_id", "category"})
        .agg(org.apache.spark.sql.functions.avg("share"))
        .head()
        .getDouble(0);
  }

  @Test
  void theBlendIsChampionAndServesEveryKnownUser() {
    var champion = new ModelRegistry(lake).champion("recs");
    assertThat(champion).isPresent();
    assertThat(champion.get().version()).isEqualTo("recs-" + LAST);
    assertThat(dir.resolve("lake/models/recs/recs-" + LAST + "/model.json")).exists();
    Dataset<Row> recs = today(ScoreTable.RECOMMENDATIONS);
    assertThat(recs.where(col("model_version").notEqual("recs-" + LAST)).count()).isZero();
    long customers = lake.read(Table.CUSTOMERS).select("user_id").distinct().count();
    Dataset<Row> perUser = recs.groupBy("user_id").agg(count(lit(1)).as("n"));
    assertThat(perUser.count()).as("users with recommendations").isGreaterThanOrEqualTo(customers);
    assertThat(perUser.where(col("n").notEqual(10)).count()).as("users without 10").isZero();
    // Nothing out of stock, nothing the user bought.
    Dataset<Row> outOfStock = lake.read(Table.ITEMS).where(col("in_stock").equalTo(false));
    assertThat(recs.join(outOfStock, "item_id", "left_semi").count()).isZero();
    Dataset<Row> bought =
        lake.read(FeatureTable.INTERACTIONS)
            .where(col("as_of").equalTo(lit(Date.valueOf(LAST.plusDays(1)))))
            .where(col("purchases").gt(0))
            .select("user_id", "item_id");
    assertThat(
            recs.where(col("layer").notEqual("popular").or(col("rank").gt(0)))
                .join(personalised(), "user_id", "left_semi")
                .join(bought, new String[] {"user_id", "item_id"}, "left_semi")
                .count())
        .as("personalised recommendations of items already bought")
        .isZero();
  }

  @Test
  void aUserWithoutConsentGetsExactlyTheRegionalPopularList() {
    Dataset<Row> recs = today(ScoreTable.RECOMMENDATIONS);
    Dataset<Row> popular = today(ScoreTable.POPULAR).where(col("rank").leq(10));
    Dataset<Row> notAllowed =
        Consent.asOf(lake, pipeline.config().governance(), "personalisation", LAST)
            .where(col("allowed").equalTo(false))
            .select("user_id", "region");
    assertThat(notAllowed.count()).as("users without consent").isGreaterThan(10);
    Dataset<Row> theirs = recs.join(notAllowed, "user_id", "left_semi");
    Dataset<Row> expected =
        notAllowed
            .join(popular, "region")
            .select(col("user_id"), col("rank"), col("item_id"), col("score"));
    Dataset<Row> got = theirs.select("user_id", "rank", "item_id", "score");
    assertThat(got.exceptAll(expected).count()).isZero();
    assertThat(expected.exceptAll(got).count()).isZero();
    assertThat(theirs.where(col("layer").notEqual("popular")).count()).isZero();
  }

  @Test
  void coldStartUsersAndNewItemsGetContentOrPopularRecommendations() {
    Dataset<Row> recs = today(ScoreTable.RECOMMENDATIONS);
    Dataset<Row> active =
        lake.read(FeatureTable.INTERACTIONS)
            .where(col("as_of").equalTo(lit(Date.valueOf(LAST.plusDays(1)))))
            .select("user_id")
            .distinct();
    Dataset<Row> cold = personalised().join(active, "user_id", "left_anti");
    assertThat(cold.count()).as("personalised users without history").isGreaterThan(0);
    Dataset<Row> coldRecs = recs.join(cold, "user_id", "left_semi");
    assertThat(coldRecs.select("user_id").distinct().count()).isEqualTo(cold.count());
    assertThat(coldRecs.where(col("layer").isin("popular", "content").unary_$bang()).count())
        .isZero();
    // A new item (listed today, never touched) has content neighbours both ways, and the content
    // layer proposes it to the users whose items it resembles.
    Dataset<Row> similar = today(ScoreTable.SIMILAR_ITEMS);
    assertThat(similar.where(col("item_id").equalTo(NEW_ITEM)).count()).isPositive();
    assertThat(similar.where(col("similar_item_id").equalTo(NEW_ITEM)).count()).isPositive();
    try (Recommender r =
        Recommender.fit(RecsData.forScoring(pipeline, LAST), pipeline.config().recs(), List.of())) {
      long proposedTo = r.candidates("content").where(col("item_id").equalTo(NEW_ITEM)).count();
      System.out.println(
          "recs IT: the new item is a content candidate of " + proposedTo + " users");
      assertThat(proposedTo).isPositive();
    }
    Dataset<Row> inStock = lake.read(Table.ITEMS).where(col("in_stock")).select("item_id");
    assertThat(inStock.join(similar, "item_id", "left_anti").count())
        .as("in-stock items without similar items")
        .isZero();
  }

  private static Dataset<Row> personalised() {
    return Consent.forAutomation(lake, pipeline.config().governance(), "homepage_recs", LAST);
  }

  private static Dataset<Row> today(io.cxlake.lake.table.TableDef t) {
    return lake.read(t).where(col("run_date").equalTo(lit(Date.valueOf(LAST))));
  }
}
