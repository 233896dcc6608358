package io.cxlake.models.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cxlake.lake.table.Table;
import io.cxlake.lake.testing.SparkExtension;
import io.cxlake.models.impact.ArmSums;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Oracle test: the per-arm sums Spark computes ({@link UserOutcomes} then {@link ArmAggregation})
 * equal those of a naive loop over the same random rows, per user and per arm. The data has users
 * with no activity, facts before the pre-period, between it and a late user's assignment, after the
 * run date, multi-line orders, tickets without handle_minutes, and assignments after the run date.
 */
@ExtendWith(SparkExtension.class)
class ArmAggregationTest {
  static final LocalDate DAY0 = LocalDate.of(2026, 10, 1);
  static final LocalDate RUN = DAY0.plusDays(14);
  static final String[] AUTOMATIONS = {"recs", "bot"};

  record Assign(String user, String automation, String cohort, LocalDate day) {}

  record Line(String user, String order, int lineNo, LocalDate day, int qty, double price) {}

  record Ret(String user, LocalDate day, int qty, double refund) {}

  record Ticket(String user, LocalDate day, Double handle, long resolveSeconds, String by) {}

  final List<Assign> assigns = new ArrayList<>();
  final List<Line> lines = new ArrayList<>();
  final List<Ret> rets = new ArrayList<>();
  final List<Ticket> tickets = new ArrayList<>();

  @Test
  void sparkSumsEqualANaiveLoop(SparkSession spark) {
    generate(new SplittableRandom(7));
    List<AnalysisWindow> windows = new ArrayList<>();
    for (String a : AUTOMATIONS) {
      LocalDate first =
          assigns.stream()
              .filter(x -> x.automation().equals(a))
              .map(Assign::day)
              .min(LocalDate::compareTo)
              .orElseThrow();
      windows.add(AnalysisWindow.of(a, first, DAY0, RUN, 0, 5));
    }
    Dataset<Row> outcomes =
        UserOutcomes.of(
            assignments(spark),
            Measurement.frame(spark, windows),
            orderLines(spark),
            returns(spark),
            tickets(spark));
    Map<String, Map<String, ArmStats>> spark_ = ArmAggregation.collect(ArmAggregation.of(outcomes));

    for (AnalysisWindow w : windows) {
      for (String cohort : List.of("treatment", "holdout")) {
        ArmStats got = spark_.get(w.automation()).get(cohort);
        Map<Metric, ArmSums> want = new EnumMap<>(Metric.class);
        Map<Metric, ArmSums> wantNaive = new EnumMap<>(Metric.class);
        double sumRev = 0, sumOrd = 0;
        for (Assign as : assigns) {
          if (!as.automation().equals(w.automation())
              || !as.cohort().equals(cohort)
              || as.day().isAfter(RUN)) {
            continue;
          }
          LocalDate from = as.day().isAfter(w.start()) ? as.day() : w.start();
          Map<Metric, Double> y = outcome(as.user(), from, w.end());
          Map<Metric, Double> x = outcome(as.user(), w.preStart(), w.preEnd());
          boolean naive = from.equals(w.start()) && w.preDays() > 0;
          double scale = (double) w.days() / w.preDays();
          for (Metric m : Metric.perUser()) {
            want.merge(m, ArmSums.EMPTY.add(y.get(m), x.get(m)), ArmSums::merge);
            wantNaive.merge(
                m,
                naive ? ArmSums.EMPTY.add(y.get(m), x.get(m) * scale) : ArmSums.EMPTY,
                ArmSums::merge);
          }
          sumRev += y.get(Metric.REVENUE);
          sumOrd += y.get(Metric.ORDERS);
        }
        for (Metric m : Metric.perUser()) {
          assertClose(got.sums().get(m), want.get(m), w.automation() + " " + cohort + " " + m);
          assertClose(got.naive().get(m), wantNaive.get(m), "naive " + cohort + " " + m);
        }
        assertThat(got.aov().sumNum()).isCloseTo(sumRev, within(1e-6));
        assertThat(got.aov().sumDen()).isCloseTo(sumOrd, within(1e-9));
        assertThat(got.aov().n()).isEqualTo(want.get(Metric.CONVERSION).n());
      }
    }
    // Every assigned user by the run date is a row, zeros included; later ones are not.
    long assignedByRun = assigns.stream().filter(a -> !a.day().isAfter(RUN)).count();
    assertThat(outcomes.count()).isEqualTo(assignedByRun);
    assertThat(assignedByRun).isLessThan(assigns.size());
  }

  /** The naive per-user outcomes over [from, to]. */
  Map<Metric, Double> outcome(String user, LocalDate from, LocalDate to) {
    Map<Metric, Double> o = new EnumMap<>(Metric.class);
    Metric.perUser().forEach(m -> o.put(m, 0.0));
    Map<String, Boolean> ordersSeen = new HashMap<>();
    double refunds = 0;
    for (Line l : lines) {
      if (l.user().equals(user) && in(l.day(), from, to)) {
        o.merge(Metric.REVENUE, l.qty() * l.price(), Double::sum);
        if (ordersSeen.put(l.order(), true) == null) {
          o.merge(Metric.ORDERS, 1.0, Double::sum);
        }
      }
    }
    for (Ret r : rets) {
      if (r.user().equals(user) && in(r.day(), from, to)) {
        o.merge(Metric.ITEMS_RETURNED, (double) r.qty(), Double::sum);
        refunds += r.refund();
      }
    }
    for (Ticket t : tickets) {
      if (t.user().equals(user) && in(t.day(), from, to)) {
        double minutes = t.handle() != null ? t.handle() : t.resolveSeconds() / 60.0;
        o.merge(Metric.SUPPORT_TICKETS, 1.0, Double::sum);
        o.merge(Metric.RESOLUTION_MINUTES, minutes, Double::sum);
        o.merge(Metric.AGENT_MINUTES, t.by().equals("agent") ? minutes : 0, Double::sum);
      }
    }
    o.put(Metric.CONVERSION, o.get(Metric.ORDERS) > 0 ? 1.0 : 0.0);
    o.put(Metric.NET_REVENUE, o.get(Metric.REVENUE) - refunds);
    return o;
  }

  static boolean in(LocalDate d, LocalDate from, LocalDate to) {
    return !d.isBefore(from) && !d.isAfter(to);
  }

  static void assertClose(ArmSums got, ArmSums want, String what) {
    assertThat(got.n()).as(what + " n").isEqualTo(want.n());
    double[] g = {got.sumY(), got.sumY2(), got.sumX(), got.sumX2(), got.sumXY()};
    double[] w = {want.sumY(), want.sumY2(), want.sumX(), want.sumX2(), want.sumXY()};
    for (int i = 0; i < g.length; i++) {
      assertThat(g[i]).as(what + " sum " + i).isCloseTo(w[i], within(1e-6 * (1 + Math.abs(w[i]))));
    }
  }

  void generate(SplittableRandom r) {
    for (int u = 0; u < 60; u++) {
      String user = "u" + u;
      // Most users assigned on day 7; some later, a few after the run date.
      LocalDate assigned = DAY0.plusDays(r.nextInt(4) == 0 ? 7 + r.nextInt(12) : 7);
      for (String a : AUTOMATIONS) {
        assigns.add(new Assign(user, a, r.nextInt(10) < 8 ? "treatment" : "holdout", assigned));
      }
      if (u % 5 == 0) {
        continue; // no activity at all: must still count, as zeros
      }
      int orders = r.nextInt(5);
      for (int o = 0; o < orders; o++) {
        LocalDate d = DAY0.plusDays(r.nextInt(20));
        for (int l = 1; l <= 1 + r.nextInt(3); l++) {
          lines.add(new Line(user, user + "-o" + o, l, d, 1 + r.nextInt(2), 5 + r.nextInt(50)));
          if (r.nextInt(4) == 0) {
            rets.add(new Ret(user, d.plusDays(r.nextInt(5)), 1, 5 + r.nextInt(30)));
          }
        }
      }
      if (r.nextInt(3) == 0) {
        LocalDate d = DAY0.plusDays(r.nextInt(20));
        Double handle = r.nextBoolean() ? 1 + r.nextInt(40) + 0.25 : null;
        tickets.add(
            new Ticket(
                user, d, handle, 60L * (1 + r.nextInt(90)), r.nextBoolean() ? "agent" : "bot"));
      }
    }
  }

  static Timestamp ts(LocalDate d, long second) {
    return Timestamp.valueOf(d.atStartOfDay().plusSeconds(second));
  }

  Dataset<Row> assignments(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Assign a : assigns) {
      rows.add(
          RowFactory.create(
              a.user(), a.automation(), a.cohort(), ts(a.day(), 3600), Date.valueOf(a.day())));
    }
    return spark.createDataFrame(rows, Table.ASSIGNMENTS.schema());
  }

  Dataset<Row> orderLines(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    for (Line l : lines) {
      rows.add(
          RowFactory.create(
              l.order(),
              l.lineNo(),
              l.user(),
              "i1",
              null,
              l.qty(),
              l.price(),
              l.price(),
              ts(l.day(), 7200),
              Date.valueOf(l.day()),
              Date.valueOf(l.day())));
    }
    return spark.createDataFrame(rows, Table.ORDER_LINES.schema());
  }

  Dataset<Row> returns(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (Ret r : rets) {
      rows.add(
          RowFactory.create(
              "r" + i++,
              "o",
              1,
              "i1",
              r.user(),
              r.qty(),
              ts(r.day(), 100),
              null,
              r.refund(),
              Date.valueOf(r.day()),
              Date.valueOf(r.day())));
    }
    return spark.createDataFrame(rows, Table.RETURNS.schema());
  }

  Dataset<Row> tickets(SparkSession spark) {
    List<Row> rows = new ArrayList<>();
    int i = 0;
    for (Ticket t : tickets) {
      Timestamp created = ts(t.day(), 3600);
      rows.add(
          RowFactory.create(
              "t" + i++,
              t.user(),
              null,
              created,
              "chat",
              null,
              "body",
              ts(t.day(), 3600 + t.resolveSeconds()),
              t.by(),
              t.handle(),
              Date.valueOf(t.day()),
              Date.valueOf(t.day())));
    }
    return spark.createDataFrame(rows, Table.TICKETS.schema());
  }

  @Test
  void windowStartsAtTheFirstAssignmentAndThePrePeriodEndsTheDayBefore() {
    AnalysisWindow w = AnalysisWindow.of("a", DAY0.plusDays(10), DAY0, RUN, 0, 28);
    assertThat(w.start()).isEqualTo(DAY0.plusDays(10));
    assertThat(w.preEnd()).isEqualTo(DAY0.plusDays(9));
    assertThat(w.preStart()).as("clipped to the first data day").isEqualTo(DAY0);
    assertThat(w.preDays()).isEqualTo(10);
    assertThat(w.days()).isEqualTo((int) ChronoUnit.DAYS.between(DAY0.plusDays(10), RUN) + 1);
    AnalysisWindow last3 = AnalysisWindow.of("a", DAY0.plusDays(10), DAY0, RUN, 3, 4);
    assertThat(last3.start()).isEqualTo(RUN.minusDays(2));
    assertThat(last3.preStart()).isEqualTo(DAY0.plusDays(6));
    AnalysisWindow none = AnalysisWindow.of("a", DAY0, DAY0, RUN, 0, 28);
    assertThat(none.preDays()).as("assigned on the first data day: no pre-period").isZero();
  }
}
