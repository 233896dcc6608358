package io.cxlake.features;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.cxlake.lake.config.CxConfig.FeatureSettings;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the feature snapshot as of A. Incremental by default: the newest earlier snapshot P is
 * carried forward with the rows visible in [P, A) only. Full: everything visible before A is read
 * again. Both write the same rows (a test holds them to it); rerunning a date replaces its rows.
 */
public final class FeatureBuild {
  private static final Logger LOG = LoggerFactory.getLogger(FeatureBuild.class);
  public static final List<TableDef> TABLES = List.of(FeatureTable.values());

  private final Lake lake;
  private final FeatureSettings settings;
  private final Visibility visibility;
  private final Weights weights;

  public FeatureBuild(Lake lake, FeatureSettings settings, int futureToleranceHours) {
    this.lake = lake;
    this.settings = settings;
    this.visibility = new Visibility(lake, futureToleranceHours);
    this.weights = Weights.of(settings);
  }

  /** What one build did: the snapshot date, whether it read the whole history, rows written. */
  public record Result(LocalDate asOf, Optional<LocalDate> carriedFrom, Map<String, Long> counts) {
    public String summary() {
      return "features as of "
          + asOf
          + carriedFrom.map(p -> " (incremental from " + p + ")").orElse(" (full)")
          + ": "
          + counts;
    }
  }

  public Result run(LocalDate asOf, boolean full) {
    Optional<LocalDate> prev = full ? Optional.empty() : previousSnapshot(asOf);
    LocalDate from = prev.orElse(asOf.minusDays(longestWindow()));
    Inputs fresh =
        (prev.isPresent()
                ? Inputs.between(lake, visibility, from, asOf)
                : Inputs.before(lake, visibility, asOf))
            .persisted();
    try {
      return build(asOf, prev, from, fresh);
    } finally {
      fresh.unpersist();
    }
  }

  private Result build(LocalDate asOf, Optional<LocalDate> prev, LocalDate from, Inputs fresh) {
    Map<String, Long> counts = new LinkedHashMap<>();
    Dataset<Row> users = UserFeatures.state(fresh, weights);
    Dataset<Row> interactions =
        Interactions.of(fresh.events(), weights, settings.halfLifeDays(), asOf);
    if (prev.isPresent()) {
      LocalDate p = prev.get();
      users =
          UserFeatures.combine(UserFeatures.rawOf(snapshot(FeatureTable.USER_FEATURES, p)), users);
      interactions =
          Interactions.roll(
              snapshot(FeatureTable.INTERACTIONS, p),
              p,
              interactions,
              settings.halfLifeDays(),
              asOf);
    }
    write(
        counts,
        FeatureTable.USER_FEATURES,
        asOf,
        UserFeatures.snapshot(users, fresh.customers(), asOf));
    write(counts, FeatureTable.INTERACTIONS, asOf, interactions);
    dropOldInteractions(counts);

    // Daily partials of the days not summed yet; a full build recomputes every day its windows see.
    Inputs days = fresh.since(from);
    String range = "day >= DATE'" + from + "' AND day < DATE'" + asOf + "'";
    timed(
        counts,
        FeatureTable.ITEM_DAILY,
        () -> lake.replaceWhere(FeatureTable.ITEM_DAILY, range, byDay(ItemFeatures.daily(days))));
    timed(
        counts,
        FeatureTable.COVISITATION_DAILY,
        () ->
            lake.replaceWhere(
                FeatureTable.COVISITATION_DAILY, range, byDay(Covisitation.daily(days.events()))));
    write(
        counts,
        FeatureTable.ITEM_FEATURES,
        asOf,
        ItemFeatures.snapshot(lake.read(FeatureTable.ITEM_DAILY), fresh.items(), asOf));
    write(
        counts,
        FeatureTable.COVISITATION,
        asOf,
        Covisitation.snapshot(
            lake.read(FeatureTable.COVISITATION_DAILY),
            settings.covisitationWindowDays(),
            settings.covisitationTopN(),
            asOf));
    timed(counts, FeatureTable.ORDER_LINE_FEATURES, () -> orderLines(fresh, asOf));
    return new Result(asOf, prev, counts);
  }

  /**
   * Order-line features of every order with a line visible in the range, from all of that order's
   * lines visible before A (an order's lines may arrive on different days).
   */
  private long orderLines(Inputs fresh, LocalDate asOf) {
    Dataset<Row> touched = fresh.orderLines().select("order_id").distinct();
    Dataset<Row> lines =
        visibility.before(Table.ORDER_LINES, asOf).join(touched, "order_id", "left_semi");
    Dataset<Row> features =
        OrderLineFeatures.of(lines, visibility.before(Table.ORDERS, asOf), fresh.items());
    Map<String, Long> m = lake.upsert(FeatureTable.ORDER_LINE_FEATURES, features, "order_date");
    return m.get("inserted") + m.get("updated");
  }

  /**
   * One file per day in the daily tables: every snapshot reads up to 90 days of them, and the
   * aggregate's own partitioning would write one small file per shuffle partition and day.
   */
  private static Dataset<Row> byDay(Dataset<Row> daily) {
    return daily.repartition(col("day"));
  }

  /** The newest snapshot before A that both carried tables hold. */
  private Optional<LocalDate> previousSnapshot(LocalDate asOf) {
    if (!lake.exists(FeatureTable.USER_FEATURES) || !lake.exists(FeatureTable.INTERACTIONS)) {
      return Optional.empty();
    }
    List<Row> rows =
        lake.read(FeatureTable.USER_FEATURES)
            .select("as_of")
            .distinct()
            .intersect(lake.read(FeatureTable.INTERACTIONS).select("as_of").distinct())
            .where(col("as_of").lt(lit(asOf)))
            .orderBy(col("as_of").desc())
            .limit(1)
            .collectAsList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0).getDate(0).toLocalDate());
  }

  private Dataset<Row> snapshot(FeatureTable t, LocalDate asOf) {
    return lake.read(t).where(col("as_of").equalTo(lit(asOf)));
  }

  private void write(Map<String, Long> counts, FeatureTable t, LocalDate asOf, Dataset<Row> rows) {
    timed(counts, t, () -> lake.replaceWhere(t, "as_of = DATE'" + asOf + "'", rows));
  }

  /** Runs one table's write, logs its duration, records its row count. */
  private static void timed(Map<String, Long> counts, FeatureTable t, LongSupplier write) {
    long start = System.nanoTime();
    long n = write.getAsLong();
    counts.put(t.shortName(), n);
    LOG.info("{}: {} rows in {} ms", t.shortName(), n, (System.nanoTime() - start) / 1_000_000);
  }

  /** Keeps the newest interaction snapshots; the recommenders read only the latest. */
  private void dropOldInteractions(Map<String, Long> counts) {
    List<Row> keep =
        lake.read(FeatureTable.INTERACTIONS)
            .select("as_of")
            .distinct()
            .orderBy(col("as_of").desc())
            .limit(settings.interactionSnapshots())
            .collectAsList();
    if (keep.isEmpty()) {
      // A lake without events (Online Retail has only orders) has no interaction snapshots.
      counts.put("interactions_dropped", 0L);
      return;
    }
    LocalDate oldestKept = keep.get(keep.size() - 1).getDate(0).toLocalDate();
    counts.put(
        "interactions_dropped",
        lake.deleteWhere(FeatureTable.INTERACTIONS, "as_of < DATE'" + oldestKept + "'"));
  }

  private int longestWindow() {
    return Math.max(ItemFeatures.LONGEST, settings.covisitationWindowDays());
  }
}
