package io.cxlake.jobs.governance;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.Tables;
import io.cxlake.jobs.cli.ExitCodes;
import io.cxlake.lake.table.Lake;
import io.cxlake.lake.table.Table;
import io.cxlake.lake.table.TableDef;
import io.cxlake.lake.testing.SparkExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * No raw e-mail address or phone number of the landing zone reaches the lake or the logs. Besides
 * the shop's own exports, the next night's landing files get the hard cases: a customers line
 * refused for a bad consent value and a malformed one (both quarantined verbatim), a search query
 * and a support ticket that contain an address and a number. After ingest and the quality gate of
 * that night, every table's every column is scanned as JSON text, and so is every log line and
 * console line the runs printed.
 */
@ExtendWith(SparkExtension.class)
class PseudonymisationIT {
  @TempDir Path dir;

  private static final String PLANTED_EMAIL = "Jane.Roe+shop@Example.org";
  private static final String PLANTED_PHONE = "+49 151 2345 6789";
  private static final String LOCAL_PHONE = "0151 98765432";

  private static void append(Path dayDir, String ext, String... lines) throws Exception {
    try (Stream<Path> files = Files.list(dayDir)) {
      Path f = files.filter(p -> p.toString().endsWith(ext)).findFirst().orElseThrow();
      Files.writeString(f, String.join("\n", lines) + "\n", StandardOpenOption.APPEND);
    }
  }

  /** Every e-mail and phone the landing zone holds, as written and as normalised. */
  private static Set<String> identifiers(Path landing) throws Exception {
    Set<String> out = new TreeSet<>();
    try (Stream<Path> files = Files.walk(landing.resolve("customers"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
          String[] c = line.split(",", -1);
          if (c.length >= 3 && !c[0].equals("user_id")) {
            addForms(out, c[1], c[2]);
          }
        }
      }
    }
    addForms(out, PLANTED_EMAIL, PLANTED_PHONE);
    addForms(out, "", LOCAL_PHONE);
    out.remove("");
    return out;
  }

  private static void addForms(Set<String> out, String email, String phone) {
    if (!email.isBlank()) {
      out.add(email);
      out.add(email.trim().toLowerCase(java.util.Locale.ROOT));
    }
    if (!phone.isBlank()) {
      out.add(phone);
      out.add(phone.replaceAll("[^0-9+]", ""));
    }
  }

  @Test
  void noRawEmailOrPhoneReachesAnyTableOrLog() throws Exception {
    Path root = SharedShop.lakeCopy(dir);
    Path landing = SharedShop.landingCopy(dir);
    String next = SharedShop.NEXT.toString();
    append(
        landing.resolve("customers/date=" + next),
        ".csv",
        "u0000001,"
            + PLANTED_EMAIL
            + ","
            + PLANTED_PHONE
            + ",EU,DE,2025-01-01,maybe,true,true,"
            + next
            + "T08:00:00Z",
        "u0000002," + PLANTED_EMAIL.toLowerCase() + "," + LOCAL_PHONE + ",EU,DE,2025-01-0");
    append(
        landing.resolve("events/date=" + next),
        ".json",
        "{\"event_id\":\"pii-1\",\"user_id\":\"u0000001\",\"session_id\":\"s-pii\","
            + "\"event_type\":\"search\",\"ts\":\""
            + next
            + "T09:00:00Z\",\"query\":\"order for "
            + PLANTED_EMAIL
            + " call "
            + PLANTED_PHONE
            + "\"}");
    append(
        landing.resolve("tickets/date=" + next),
        ".json",
        "{\"ticket_id\":\"pii-t\",\"user_id\":\"u0000001\",\"created_at\":\""
            + next
            + "T10:00:00Z\",\"channel\":\"email\",\"subject\":\"from "
            + PLANTED_EMAIL
            + "\",\"body\":\"please call me on "
            + PLANTED_PHONE
            + " or mail "
            + PLANTED_EMAIL
            + "\"}");
    Set<String> ids = identifiers(landing);

    StringWriter logs = new StringWriter();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    WriterAppender capture =
        WriterAppender.newBuilder()
            .setName("pseudonymisation-capture")
            .setTarget(logs)
            .setLayout(PatternLayout.newBuilder().withPattern("%p %c: %m%n%ex").build())
            .build();
    capture.start();
    config.addAppender(capture);
    config.getRootLogger().addAppender(capture, Level.ALL, null);
    ctx.updateLoggers();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream out = System.out;
    PrintStream err = System.err;
    try {
      System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(console, true, StandardCharsets.UTF_8));
      for (String[] cmd :
          List.of(
              new String[] {"ingest", "--run-date", next},
              new String[] {"quality", "--run-date", next})) {
        List<String> a = new ArrayList<>(List.of(cmd));
        a.addAll(List.of("--set", "lake.root=" + root, "--set", "lake.landing=" + landing));
        int code = Main.run(SharedShop.SECRETS, a.toArray(String[]::new));
        assertThat(code).as(cmd[0]).isIn(ExitCodes.OK, ExitCodes.GATE_BLOCKED);
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
      config.getRootLogger().removeAppender("pseudonymisation-capture");
      ctx.updateLoggers();
      capture.stop();
    }

    Lake lake = SharedShop.lake(root);
    // The hard cases did land: quarantined, or stored with their identifiers hashed.
    List<Row> refused =
        lake.read(Table.QUARANTINE)
            .where("source = 'customers' AND ingest_date = DATE'" + next + "'")
            .collectAsList();
    assertThat(refused).hasSize(2);
    assertThat(lake.read(Table.EVENTS).where("event_id = 'pii-1'").head().<String>getAs("query"))
        .startsWith("order for email_hash:");
    assertThat(lake.read(Table.TICKETS).where("ticket_id = 'pii-t'").head().<String>getAs("body"))
        .contains("phone_hash:", "email_hash:");

    int scanned = 0;
    for (TableDef t : Tables.ALL) {
      if (!lake.exists(t)) {
        continue;
      }
      List<String> rows =
          lake.read(t).select(to_json(struct(col("*"))).as("j")).collectAsList().stream()
              .map(r -> r.getString(0))
              .toList();
      for (String row : rows) {
        for (String id : ids) {
          assertThat(row).as("%s holds %s", t.shortName(), id).doesNotContain(id);
        }
      }
      scanned += rows.size();
    }
    String printed = logs + "\n" + console.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("ingest customers " + next); // the capture did capture
    for (String id : ids) {
      assertThat(printed).as("logs hold %s", id).doesNotContain(id);
    }
    System.out.printf(
        "pseudonymisation: %d identifiers, %d lake rows and %d log characters scanned%n",
        ids.size(), scanned, printed.length());
  }
}
