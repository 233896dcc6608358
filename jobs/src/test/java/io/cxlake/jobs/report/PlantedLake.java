package io.cxlake.jobs.report;

import io.cxlake.lake.governance.GovernanceTable;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.lake.testing.TempLake;
import io.cxlake.models.impact.ImpactTable;
import io.cxlake.models.kpi.KpiTable;
import io.cxlake.models.recs.RecsTable;
import io.cxlake.models.registry.RegistryTable;
import io.cxlake.models.returnrisk.ReturnRiskTables;
import io.cxlake.models.score.ScoreTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;

/**
 * A small lake with known rows in every table the report reads, for run date {@link #D}. Columns
 * not given get a neutral value (null where the table allows it).
 */
final class PlantedLake {
  static final LocalDate D = LocalDate.of(2026, 11, 20);

  /** Text a lake could hold that must never reach the page as markup. */
  static final String HOSTILE = "<script>alert('x')</script>";

  private PlantedLake() {}

  /** A row of {@code t} from column values by name. */
  static Row row(TableDef t, Map<String, Object> values) {
    List<Object> cells = new ArrayList<>();
    for (StructField f : t.schema().fields()) {
      if (values.containsKey(f.name())) {
        cells.add(values.get(f.name()));
      } else if (f.nullable()) {
        cells.add(null);
      } else {
        cells.add(neutral(f));
      }
    }
    return RowFactory.create(cells.toArray());
  }

  private static Object neutral(StructField f) {
    var t = f.dataType();
    if (t.equals(DataTypes.StringType)) {
      return "x";
    } else if (t.equals(DataTypes.DateType)) {
      return Date.valueOf(D);
    } else if (t.equals(DataTypes.DoubleType)) {
      return 0.0;
    } else if (t.equals(DataTypes.LongType)) {
      return 0L;
    } else if (t.equals(DataTypes.IntegerType)) {
      return 0;
    } else if (t.equals(DataTypes.BooleanType)) {
      return false;
    } else if (t.equals(DataTypes.TimestampType)) {
      return Timestamp.from(Instant.parse("2026-11-21T02:00:00Z"));
    } else if (t instanceof org.apache.spark.sql.types.MapType) {
      return Map.of();
    }
    throw new IllegalArgumentException("no neutral value for " + f);
  }

  @SafeVarargs
  static void put(Lake lake, TableDef t, Map<String, Object>... rows) {
    List<Row> r = new ArrayList<>();
    for (Map<String, Object> m : rows) {
      r.add(row(t, m));
    }
    lake.append(t, lake.spark().createDataFrame(r, t.schema()));
  }

  /** A mutable map from alternating keys and values (Map.of stops at 10 pairs). */
  static Map<String, Object> m(Object... kv) {
    Map<String, Object> out = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], kv[i + 1]);
    }
    return out;
  }

  private static Date date(LocalDate d) {
    return Date.valueOf(d);
  }

  private static Lake shared;

  /** One planted lake per test JVM: the report only reads it. */
  static synchronized Lake shared(SparkSession spark) {
    if (shared == null) {
      shared = build(spark);
    }
    return shared;
  }

  static Lake build(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    Date d = date(D);
    put(
        lake,
        ImpactTable.LIFT,
        m(
            "run_date",
            d,
            "automation",
            "cart_email",
            "metric",
            "conversion",
            "n_treatment",
            8000L,
            "n_holdout",
            2000L,
            "mean_treatment",
            0.0921,
            "mean_holdout",
            0.0798,
            "abs_lift",
            0.0123,
            "abs_ci_low",
            -0.0011,
            "abs_ci_high",
            0.0257,
            "rel_lift",
            0.154,
            "rel_ci_low",
            -0.014,
            "rel_ci_high",
            0.322,
            "p_adjusted",
            0.0712,
            "srm_p",
            0.61,
            "srm_flag",
            false),
        m(
            "run_date",
            d,
            "automation",
            "homepage_recs",
            "metric",
            "revenue_per_user",
            "n_treatment",
            7000L,
            "n_holdout",
            2400L,
            "abs_lift",
            1.5,
            "abs_ci_low",
            0.25,
            "abs_ci_high",
            2.75,
            "rel_lift",
            0.125,
            "rel_ci_low",
            0.02,
            "rel_ci_high",
            0.23,
            "srm_p",
            0.0004,
            "srm_flag",
            true),
        // Another date's row must not show.
        m(
            "run_date",
            date(D.minusDays(1)),
            "automation",
            "cart_email",
            "metric",
            "conversion",
            "abs_lift",
            0.9876));
    put(
        lake,
        ImpactTable.ROI,
        m(
            "run_date",
            d,
            "automation",
            "cart_email",
            "window_days",
            28,
            "eligible_users",
            10000L,
            "incremental_gross_profit",
            12345.678,
            "operating_cost",
            4321.0,
            "cost_source",
            "costs_table",
            "net_benefit",
            8024.678,
            "roi",
            1.875,
            "roi_ci_low",
            0.42,
            "roi_ci_high",
            3.33,
            "p_roi_positive",
            0.987,
            "payback_days",
            12.5),
        m(
            "run_date",
            d,
            "automation",
            "support_bot",
            "window_days",
            28,
            "eligible_users",
            500L,
            "incremental_gross_profit",
            -10.0,
            "operating_cost",
            280.0,
            "cost_source",
            "config",
            "net_benefit",
            -290.0,
            "roi",
            -1.0357,
            "roi_ci_low",
            -1.5,
            "roi_ci_high",
            -0.5,
            "p_roi_positive",
            0.0));
    put(
        lake,
        RecsTable.RECS_METRICS,
        m(
            "run_date",
            d,
            "layer",
            "blend",
            "k",
            10,
            "precision_at_k",
            0.12,
            "recall_at_k",
            0.3,
            "ndcg_at_k",
            0.25,
            "map_at_k",
            0.1,
            "coverage",
            0.4,
            "users",
            150L),
        m(
            "run_date",
            d,
            "layer",
            "popular",
            "k",
            10,
            "precision_at_k",
            0.05,
            "recall_at_k",
            0.1,
            "ndcg_at_k",
            0.1,
            "map_at_k",
            0.04,
            "coverage",
            0.05,
            "users",
            150L));
    String v = "return_risk-" + D;
    put(
        lake,
        ReturnRiskTables.RETURN_RISK_METRICS,
        m("version", v, "model", "model", "metric", "auc_roc", "value", 0.7312, "run_date", d),
        m("version", v, "model", "baseline", "metric", "auc_roc", "value", 0.6101, "run_date", d),
        m("version", v, "model", "model", "metric", "lines", "value", 1200.0, "run_date", d),
        m("version", v, "model", "model", "metric", "gate_passed", "value", 1.0, "run_date", d));
    put(
        lake,
        ReturnRiskTables.RETURN_RISK_ROC,
        m("version", v, "model", "model", "point", 0, "fpr", 0.0, "tpr", 0.0, "run_date", d),
        m(
            "version",
            v,
            "model",
            "model",
            "point",
            1,
            "threshold",
            0.3,
            "fpr",
            0.2,
            "tpr",
            0.6,
            "run_date",
            d),
        m(
            "version",
            v,
            "model",
            "model",
            "point",
            2,
            "threshold",
            0.01,
            "fpr",
            1.0,
            "tpr",
            1.0,
            "run_date",
            d),
        m("version", v, "model", "baseline", "point", 0, "fpr", 0.0, "tpr", 0.0, "run_date", d),
        m(
            "version",
            v,
            "model",
            "baseline",
            "point",
            1,
            "threshold",
            0.01,
            "fpr",
            1.0,
            "tpr",
            1.0,
            "run_date",
            d));
    put(
        lake,
        ReturnRiskTables.RETURN_RISK_RELIABILITY,
        m(
            "version",
            v,
            "bin",
            1,
            "lower",
            0.1,
            "upper",
            0.2,
            "lines",
            500L,
            "mean_predicted",
            0.15,
            "observed_rate",
            0.16,
            "run_date",
            d),
        m(
            "version",
            v,
            "bin",
            3,
            "lower",
            0.3,
            "upper",
            0.4,
            "lines",
            200L,
            "mean_predicted",
            0.35,
            "observed_rate",
            0.31,
            "run_date",
            d));
    put(
        lake,
        ReturnRiskTables.RETURN_RISK_FAIRNESS,
        m(
            "version",
            v,
            "segment_kind",
            "region",
            "segment",
            "EU",
            "lines",
            700L,
            "mean_probability",
            0.2,
            "flag_rate",
            0.1,
            "false_positive_rate",
            0.05,
            "compared",
            true,
            "run_date",
            d),
        m(
            "version",
            v,
            "segment_kind",
            "region",
            "segment",
            HOSTILE,
            "lines",
            500L,
            "mean_probability",
            0.22,
            "flag_rate",
            0.12,
            "false_positive_rate",
            0.06,
            "compared",
            true,
            "run_date",
            d));
    // Two regions on D: the roll-up's conversion is (10 + 6) / (100 + 300) = 4.0%, not the mean
    // of 10% and 2%; the repeat rate counts only the buyers whose window closed: 2 of 8.
    put(
        lake,
        KpiTable.KPI_DAILY,
        m(
            "date",
            d,
            "region",
            "EU",
            "channel",
            "web",
            "visitors",
            100L,
            "orders",
            10L,
            "revenue",
            1000.0,
            "buyers",
            8L,
            "repeat_30d_rate",
            0.25,
            "units_sold",
            20L,
            "units_returned",
            2L,
            "tickets",
            10L,
            "bot_resolved",
            4L,
            "rec_impressions",
            1000L,
            "rec_clicks",
            50L),
        m(
            "date",
            d,
            "region",
            "US",
            "channel",
            "app",
            "visitors",
            300L,
            "orders",
            6L,
            "revenue",
            300.0,
            "buyers",
            5L,
            "units_sold",
            10L,
            "units_returned",
            4L,
            "tickets",
            0L,
            "bot_resolved",
            0L),
        m(
            "date",
            date(D.minusDays(1)),
            "region",
            "EU",
            "channel",
            "web",
            "visitors",
            200L,
            "orders",
            8L,
            "revenue",
            400.0,
            "buyers",
            6L,
            "repeat_30d_rate",
            0.5,
            "units_sold",
            8L,
            "units_returned",
            0L,
            "tickets",
            5L,
            "bot_resolved",
            5L));
    Timestamp t0 = Timestamp.from(Instant.parse("2026-11-21T02:00:00Z"));
    Timestamp t1 = Timestamp.from(Instant.parse("2026-11-21T02:00:12.5Z"));
    put(
        lake,
        Table.RUNS,
        m(
            "run_id",
            "r1",
            "step",
            "quality-gate",
            "run_date",
            d,
            "status",
            "succeeded",
            "started_at",
            t0,
            "ended_at",
            t1,
            "message",
            "quality ok"),
        m(
            "run_id",
            "r1",
            "step",
            "publish",
            "run_date",
            d,
            "status",
            "succeeded",
            "started_at",
            t1,
            "ended_at",
            t1,
            "counts",
            Map.of("version", 7L, "recommendations", 1500L),
            "message",
            "published version 7 " + HOSTILE));
    put(
        lake,
        GovernanceTable.QUALITY_METRICS,
        m("run_date", d, "table_name", "events", "metric", "row_count", "value", 12345.0));
    put(
        lake,
        GovernanceTable.DRIFT_METRICS,
        m(
            "run_date",
            d,
            "model",
            "return_risk",
            "feature",
            "log_price",
            "psi",
            0.1234,
            "status",
            "warn",
            "reference_rows",
            900L,
            "current_rows",
            800L));
    put(lake, ScoreTable.MODEL_VERSIONS, m("model", "return_risk", "version", v, "run_date", d));
    put(
        lake,
        RegistryTable.MODEL_REGISTRY,
        m(
            "model",
            "return_risk",
            "version",
            v,
            "event",
            "promoted",
            "at",
            t0,
            "by",
            "pipeline",
            "reason",
            "beats the baseline",
            "run_date",
            d,
            "params",
            Map.of(),
            "metrics",
            Map.of("auc_roc", 0.7312),
            "feature_versions",
            Map.of()));
    return lake;
  }
}
