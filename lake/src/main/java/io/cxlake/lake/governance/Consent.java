package io.cxlake.lake.governance;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * "May user U be used for purpose P as of day D?", for every user at once. The consent state as of
 * D is the newest statement made by the end of D (from {@code consent_history}, or the customers
 * table for a lake ingested before it existed). The region's policy decides what no statement
 * means: a purpose that needs explicit consent there is allowed only when granted (opt-in); any
 * other purpose is allowed unless withdrawn (opt-out). An automation may use a user when it is
 * active, the user's region enables it, and its purpose (if any) is allowed. Everything is read
 * from the config of the current run, so a policy change takes effect at the next run.
 */
public final class Consent {
  private Consent() {}

  /**
   * Per user known to the lake: {@code user_id, region, granted} (null: no statement by then),
   * {@code explicit} (the region needs an explicit grant) and {@code allowed}.
   */
  public static Dataset<Row> asOf(
      Lake lake, CxConfig.GovernanceSettings g, String purpose, LocalDate day) {
    if (!CxConfig.PURPOSES.contains(purpose)) {
      throw new IllegalArgumentException(
          "unknown consent purpose '" + purpose + "'; one of " + CxConfig.PURPOSES);
    }
    Timestamp end = Timestamp.from(day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
    Dataset<Row> statements = statements(lake).where(col("changed_at").lt(lit(end)));
    Dataset<Row> latest =
        statements
            .where(col("purpose").equalTo(purpose))
            .withColumn(
                "_n",
                row_number()
                    .over(
                        Window.partitionBy("user_id")
                            .orderBy(col("changed_at").desc(), col("granted").asc())))
            .where(col("_n").equalTo(1))
            .select(col("user_id"), col("granted"), col("region").as("_region_then"));
    Dataset<Row> users =
        lake.read(Table.CUSTOMERS)
            .select(col("user_id"), col("region").as("_region_now"))
            .unionByName(
                lake.read(GovernanceTable.CONSENT_HISTORY)
                    .select(col("user_id"), lit(null).cast("string").as("_region_now")))
            .groupBy("user_id")
            .agg(max("_region_now").as("_region_now"));
    Column region = coalesce(col("_region_then"), col("_region_now"), lit(CxConfig.DEFAULT_REGION));
    Column explicit = regional(g, r -> g.region(r).explicitConsent().contains(purpose), region);
    return users
        .join(latest, "user_id", "left")
        .select(
            col("user_id"),
            region.as("region"),
            col("granted"),
            explicit.as("explicit"),
            when(explicit, coalesce(col("granted"), lit(false)))
                .otherwise(coalesce(col("granted"), lit(true)))
                .as("allowed"));
  }

  /** The users who may be used for the purpose as of the day: one column, user_id. */
  public static Dataset<Row> allowedUsers(
      Lake lake, CxConfig.GovernanceSettings g, String purpose, LocalDate day) {
    return asOf(lake, g, purpose, day).where(col("allowed")).select("user_id");
  }

  /**
   * The users an automation may use as of the day: it is active, their region's policy enables it,
   * and the consent purpose it needs (if any) is allowed.
   */
  public static Dataset<Row> forAutomation(
      Lake lake, CxConfig.GovernanceSettings g, String automation, LocalDate day) {
    CxConfig.AutomationSpec a = g.automations().get(automation);
    if (a == null) {
      throw new IllegalArgumentException(
          "unknown automation '"
              + automation
              + "'; governance.automations lists "
              + g.automations().keySet());
    }
    String purpose = a.purpose() == null ? CxConfig.PURPOSES.get(0) : a.purpose();
    Dataset<Row> users = asOf(lake, g, purpose, day);
    boolean retired = a.retired() != null && !a.retired().isAfter(day);
    Column enabled =
        regional(g, r -> g.region(r).automations().contains(automation), col("region"));
    Column ok = enabled.and(lit(!retired));
    if (a.purpose() != null) {
      ok = ok.and(col("allowed"));
    }
    return users.where(ok).select("user_id");
  }

  /** The rows of users who may be used: a semi join on {@code userColumn}. */
  public static Dataset<Row> keep(Dataset<Row> rows, String userColumn, Dataset<Row> allowed) {
    return rows.join(
        allowed.withColumnRenamed("user_id", "_allowed_user"),
        col(userColumn).equalTo(col("_allowed_user")),
        "left_semi");
  }

  /** The rows of users who may not be used (for reports and tests): an anti join. */
  public static Dataset<Row> excluded(Dataset<Row> rows, String userColumn, Dataset<Row> allowed) {
    return rows.join(
        allowed.withColumnRenamed("user_id", "_allowed_user"),
        col(userColumn).equalTo(col("_allowed_user")),
        "left_anti");
  }

  /** One user: may they be used for the purpose as of the day? Unknown users follow the default. */
  public static boolean mayUse(
      Lake lake, CxConfig.GovernanceSettings g, String userId, String purpose, LocalDate day) {
    List<Row> r = asOf(lake, g, purpose, day).where(col("user_id").equalTo(userId)).collectAsList();
    if (r.isEmpty()) {
      return !g.region(CxConfig.DEFAULT_REGION).explicitConsent().contains(purpose);
    }
    return r.get(0).getBoolean(r.get(0).fieldIndex("allowed"));
  }

  /** Every consent statement: the history, plus the customers table's current states. */
  private static Dataset<Row> statements(Lake lake) {
    Dataset<Row> history =
        lake.read(GovernanceTable.CONSENT_HISTORY)
            .select("user_id", "purpose", "granted", "region", "changed_at");
    Dataset<Row> customers = lake.read(Table.CUSTOMERS);
    Dataset<Row> out = history;
    for (String p : CxConfig.PURPOSES) {
      out =
          out.unionByName(
              customers.select(
                  col("user_id"),
                  lit(p).as("purpose"),
                  col("consent_" + p).as("granted"),
                  col("region"),
                  col("updated_at").as("changed_at")));
    }
    return out.distinct();
  }

  /** A per-region boolean of the policy as a column: regions listed, else the default's. */
  private static Column regional(
      CxConfig.GovernanceSettings g, java.util.function.Predicate<String> rule, Column region) {
    List<Column> kv = new ArrayList<>();
    for (String r : g.regions().keySet()) {
      kv.add(lit(r));
      kv.add(lit(rule.test(r)));
    }
    return coalesce(
        element_at(map(kv.toArray(Column[]::new)), region),
        lit(rule.test(CxConfig.DEFAULT_REGION)));
  }
}
