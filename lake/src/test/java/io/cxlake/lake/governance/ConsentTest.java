package io.cxlake.lake.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.lake.config.ConfigLoader;
import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.lake.testing.TempLake;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Consent as of a date under regional policy: EU needs an explicit grant for personalisation, the
 * US is opt-out; a withdrawal applies from its day on; a statement after the date does not count;
 * switching an automation off for a region takes its users away from the next evaluation.
 */
@ExtendWith(SparkExtension.class)
class ConsentTest {
  private static final LocalDate D = LocalDate.of(2026, 11, 20);

  private static Timestamp at(LocalDate day) {
    return Timestamp.valueOf(day.atTime(10, 0));
  }

  /** A customer's statements: (day, granted), oldest first; the customers row is the last. */
  private static void customer(
      List<Row> customers, List<Row> history, String id, String region, Object[][] statements) {
    for (Object[] s : statements) {
      LocalDate day = (LocalDate) s[0];
      for (String p : CxConfig.PURPOSES) {
        boolean granted = p.equals("personalisation") ? (Boolean) s[1] : true;
        history.add(RowFactory.create(id, p, granted, region, at(day), Date.valueOf(day)));
      }
    }
    Object[] last = statements[statements.length - 1];
    LocalDate day = (LocalDate) last[0];
    customers.add(
        RowFactory.create(
            id, null, null, region, null, null, last[1], true, true, at(day), Date.valueOf(day)));
  }

  private static Lake shop(SparkSession spark) {
    Lake lake = TempLake.create(spark);
    List<Row> customers = new ArrayList<>();
    List<Row> history = new ArrayList<>();
    customer(customers, history, "eu-yes", "EU", new Object[][] {{D.minusDays(5), true}});
    customer(
        customers,
        history,
        "eu-withdrew",
        "EU",
        new Object[][] {{D.minusDays(5), true}, {D.minusDays(1), false}});
    customer(customers, history, "eu-no", "EU", new Object[][] {{D.minusDays(5), false}});
    customer(customers, history, "eu-later", "EU", new Object[][] {{D.plusDays(3), true}});
    customer(customers, history, "us-later", "US", new Object[][] {{D.plusDays(3), true}});
    customer(customers, history, "us-no", "US", new Object[][] {{D.minusDays(2), false}});
    customer(customers, history, "mars-later", "Mars", new Object[][] {{D.plusDays(3), true}});
    lake.append(Table.CUSTOMERS, spark.createDataFrame(customers, Table.CUSTOMERS.schema()));
    lake.append(
        GovernanceTable.CONSENT_HISTORY,
        spark.createDataFrame(history, GovernanceTable.CONSENT_HISTORY.schema()));
    return lake;
  }

  private static Map<String, Boolean> allowed(
      Lake lake, CxConfig.GovernanceSettings g, String purpose, LocalDate day) {
    Map<String, Boolean> out = new TreeMap<>();
    Consent.asOf(lake, g, purpose, day)
        .collectAsList()
        .forEach(r -> out.put(r.getAs("user_id"), r.getAs("allowed")));
    return out;
  }

  @Test
  void explicitRegionsNeedAGrantOptOutRegionsAWithdrawalAndTimeCounts(SparkSession spark) {
    Lake lake = shop(spark);
    CxConfig.GovernanceSettings g = ConfigLoader.load(null, List.of()).governance();
    assertThat(allowed(lake, g, "personalisation", D))
        .containsEntry("eu-yes", true)
        .containsEntry("eu-withdrew", false) // withdrew the day before
        .containsEntry("eu-no", false)
        .containsEntry("eu-later", false) // EU: no statement yet means no
        .containsEntry("us-later", true) // US is opt-out: no statement yet means yes
        .containsEntry("us-no", false)
        .containsEntry("mars-later", false) // an unlisted region follows default (explicit)
        .hasSize(7);
    assertThat(allowed(lake, g, "personalisation", D.minusDays(2)))
        .containsEntry("eu-withdrew", true) // before the withdrawal
        .containsEntry("us-no", false); // its statement's own day counts
    assertThat(allowed(lake, g, "personalisation", D.minusDays(3))).containsEntry("us-no", true);
    assertThat(allowed(lake, g, "personalisation", D.plusDays(3))).containsEntry("eu-later", true);

    assertThat(Consent.mayUse(lake, g, "eu-yes", "personalisation", D)).isTrue();
    assertThat(Consent.mayUse(lake, g, "eu-withdrew", "personalisation", D)).isFalse();
    assertThat(Consent.mayUse(lake, g, "nobody", "personalisation", D)).isFalse();
    assertThat(Consent.mayUse(lake, g, "nobody", "personalisation", D)).isFalse();
  }

  @Test
  void anAutomationSwitchedOffForARegionLosesItsUsersThereAtTheNextEvaluation(SparkSession spark) {
    Lake lake = shop(spark);
    CxConfig.GovernanceSettings on = ConfigLoader.load(null, List.of()).governance();
    CxConfig.GovernanceSettings off =
        ConfigLoader.load(null, List.of("governance.regions.EU.automations=support_bot"))
            .governance();
    List<String> before = users(Consent.forAutomation(lake, on, "homepage_recs", D));
    List<String> after = users(Consent.forAutomation(lake, off, "homepage_recs", D));
    assertThat(before).containsExactlyInAnyOrder("eu-yes", "us-later");
    assertThat(after).containsExactly("us-later");
    // an automation without a purpose reaches every user of the regions that enable it
    assertThat(users(Consent.forAutomation(lake, off, "support_bot", D))).hasSize(7);
    CxConfig.GovernanceSettings retired =
        ConfigLoader.load(null, List.of("governance.automations.homepage_recs.retired=2026-11-20"))
            .governance();
    assertThat(users(Consent.forAutomation(lake, retired, "homepage_recs", D))).isEmpty();
    assertThat(users(Consent.forAutomation(lake, retired, "homepage_recs", D.minusDays(1))))
        .hasSize(2);
  }

  private static List<String> users(org.apache.spark.sql.Dataset<Row> rows) {
    return rows.collectAsList().stream().map(r -> r.getString(0)).toList();
  }
}
