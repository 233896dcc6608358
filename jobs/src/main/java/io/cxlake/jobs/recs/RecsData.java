package io.cxlake.jobs.recs;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.features.TrainingSet;
import io.cxlake.jobs.Pipeline;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.governance.Consent;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.models.recs.RecsInputs;
import java.time.LocalDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The recommenders' inputs read from the lake: as of D + 1 for scoring (everything visible by the
 * end of D), and the two sides of the time-based holdout.
 */
final class RecsData {
  /** The automation whose consent and regional policy decide who is personalised. */
  static final String AUTOMATION = "homepage_recs";

  /** The holdout: inputs as of the cut-off, and what users interacted with from then to D's end. */
  record Holdout(RecsInputs train, Dataset<Row> relevant, LocalDate cutoff) {}

  private RecsData() {}

  static RecsInputs forScoring(Pipeline p, LocalDate day) {
    Lake lake = p.lake();
    CxConfig c = p.config();
    LocalDate asOf = day.plusDays(1);
    Dataset<Row> interactions = TrainingSet.interactions(lake, asOf, c.governance());
    return new RecsInputs(
        interactions,
        TrainingSet.covisitation(lake, asOf, c.features()),
        items(lake, asOf),
        users(p, day, interactions),
        asOf);
  }

  /** The holdout of run-date D: fitted before D + 1 - holdout-days, tested up to D's end. */
  static Holdout holdout(Pipeline p, LocalDate day) {
    LocalDate end = day.plusDays(1);
    return split(p, end.minusDays(p.config().recs().holdoutDays()), end);
  }

  /** The validation split inside a holdout's training side, for tuning the blend weights. */
  static Holdout validation(Pipeline p, Holdout h) {
    return split(p, h.cutoff().minusDays(p.config().recs().holdoutDays()), h.cutoff());
  }

  private static Holdout split(Pipeline p, LocalDate cutoff, LocalDate end) {
    Lake lake = p.lake();
    CxConfig c = p.config();
    int tolerance = c.ingest().futureToleranceHours();
    Dataset<Row> interactions =
        TrainingSet.interactionsFromEvents(lake, cutoff, c.features(), tolerance, c.governance());
    RecsInputs train =
        new RecsInputs(
            interactions,
            TrainingSet.covisitation(lake, cutoff, c.features()),
            items(lake, cutoff),
            users(p, cutoff.minusDays(1), interactions),
            cutoff);
    Dataset<Row> relevant = TrainingSet.interactedBetween(lake, cutoff, end, tolerance);
    return new Holdout(train, relevant, cutoff);
  }

  /** The catalog as ingested before the date (a later item did not exist yet). */
  private static Dataset<Row> items(Lake lake, LocalDate before) {
    return lake.read(Table.ITEMS)
        .where(col("ingest_date").lt(lit(before)))
        .select("item_id", "title", "description", "category", "brand", "in_stock");
  }

  /**
   * Every user known to the consent records or the interactions, with their region and whether the
   * recommendations automation may personalise for them on the day (consent and regional policy). A
   * user unknown to the consent records is not personalised and has no region.
   */
  static Dataset<Row> users(Pipeline p, LocalDate day, Dataset<Row> interactions) {
    Lake lake = p.lake();
    CxConfig.GovernanceSettings g = p.config().governance();
    Dataset<Row> known = Consent.asOf(lake, g, "personalisation", day).select("user_id", "region");
    Dataset<Row> allowed =
        g.automations().containsKey(AUTOMATION)
            ? Consent.forAutomation(lake, g, AUTOMATION, day)
            : Consent.allowedUsers(lake, g, "personalisation", day);
    Dataset<Row> unknown =
        interactions
            .select("user_id")
            .distinct()
            .join(known, "user_id", "left_anti")
            .withColumn("region", lit(null).cast("string"));
    Dataset<Row> flagged = allowed.withColumn("personalise", lit(true));
    return known
        .unionByName(unknown)
        .join(flagged, "user_id", "left")
        .na()
        .fill(false, new String[] {"personalise"});
  }
}
