package io.cxlake.lake.sim;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Observation;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Writes a simulated shop: {@code out/landing/<source>/date=D/part-*} in the landing formats and
 * {@code out/truth/} with every planted quantity. Users are simulated in parallel by Spark (one
 * plain-Java {@link UserSimulator} call per user); each landing folder is one file, its lines
 * sorted by a deterministic key, so the same seed gives the same bytes.
 */
public final class Simulator {
  static final StructType LINES =
      new StructType()
          .add("kind", DataTypes.StringType)
          .add("day", DataTypes.IntegerType)
          .add("key", DataTypes.StringType)
          .add("line", DataTypes.StringType)
          .add("tag", DataTypes.StringType);

  private static final Map<String, String> CSV_HEADERS =
      Map.of(
          "customers",
          "user_id,email,phone,region,country,signup_date,consent_personalisation,"
              + "consent_marketing,consent_profiling,updated_at",
          "returns",
          "return_id,order_id,line_no,item_id,user_id,quantity,returned_at,reason,refund_amount",
          "assignments",
          "user_id,automation,cohort,assigned_at",
          "costs",
          "date,automation,cost_type,amount");

  private static final Map<String, String> TRUTH_HEADERS =
      Map.of(
          "truth_order_lines",
          "order_id,item_id,p_return,returned,line_no",
          "truth_tickets",
          "ticket_id,intent",
          "truth_effects",
          UserSimulator.effectsHeader(),
          "truth_user_tastes",
          "user_id,region,activity,buy_propensity,return_z,"
              + String.join(",", Stream.of(Catalog.CATEGORIES).map(c -> "taste_" + c).toList()));

  private Simulator() {}

  /** What was written: landing lines per source and the planted defects. */
  public record Result(
      Map<String, Long> landingLines, Map<String, Long> badRows, long duplicates) {}

  public static Result generate(SparkSession spark, SimParams p, Path out) {
    Catalog catalog = Catalog.generate(p);
    UserSimulator sim = new UserSimulator(p, catalog);
    int slices = Math.max(2, Math.min(400, p.users() / 250));
    Dataset<Row> users =
        spark
            .range(0, p.users(), 1, slices)
            .flatMap(
                (FlatMapFunction<Long, Row>)
                    u ->
                        sim.simulate(u).stream()
                            .map(
                                o ->
                                    RowFactory.create(
                                        o.kind().replace('/', '_'),
                                        o.day(),
                                        o.key(),
                                        o.line(),
                                        o.tag()))
                            .iterator(),
                Encoders.row(LINES));
    Dataset<Row> all =
        users
            .union(spark.createDataFrame(driverLines(p, catalog), LINES))
            .withColumn(
                "date", date_add(lit(Date.valueOf(p.firstDay())), col("day")).cast("string"));

    Observation counts = new Observation("planted");
    List<Column> metrics = new ArrayList<>();
    for (Reason r : Reason.values()) {
      metrics.add(sum(when(col("tag").equalTo(r.code()), 1).otherwise(0)).as(r.code()));
    }
    metrics.add(sum(when(col("tag").equalTo(Emitter.DUPLICATE), 1).otherwise(0)).as("duplicates"));
    for (Landing l : Landing.values()) {
      metrics.add(
          sum(when(col("kind").equalTo(l.dir()).and(col("key").notEqual("")), 1).otherwise(0))
              .as("lines_" + l.dir()));
    }
    Path tmp = out.resolve(".generate-tmp");
    delete(tmp);
    all.observe(counts, metrics.get(0), metrics.subList(1, metrics.size()).toArray(Column[]::new))
        .repartition(col("kind"), col("date"))
        .sortWithinPartitions("kind", "date", "key")
        .select("kind", "date", "line")
        .write()
        .partitionBy("kind", "date")
        .text(tmp.toString());

    Map<String, Object> m = observed(counts);
    Map<String, Long> bad = new LinkedHashMap<>();
    for (Reason r : Reason.values()) {
      bad.put(r.code(), ((Number) m.get(r.code())).longValue());
    }
    Map<String, Long> lines = new LinkedHashMap<>();
    for (Landing l : Landing.values()) {
      lines.put(l.dir(), ((Number) m.get("lines_" + l.dir())).longValue());
    }
    long duplicates = ((Number) m.get("duplicates")).longValue();

    Path landing = out.resolve("landing");
    Path truthDir = out.resolve("truth");
    delete(landing);
    delete(truthDir);
    layOut(tmp, landing, truthDir);
    delete(tmp);
    TruthWriter.write(spark, p, catalog, truthDir, bad, duplicates);
    return new Result(lines, bad, duplicates);
  }

  private static Map<String, Object> observed(Observation o) {
    try {
      return o.getAsJava();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the planted counts", e);
    }
  }

  /** Lines made on the driver: CSV headers for every day, the catalog, costs, truth headers. */
  private static List<Row> driverLines(SimParams p, Catalog catalog) {
    List<Row> rows = new ArrayList<>();
    for (int d = 0; d < p.days(); d++) {
      for (Map.Entry<String, String> h : CSV_HEADERS.entrySet()) {
        rows.add(RowFactory.create(h.getKey(), d, "", h.getValue(), ""));
      }
    }
    for (Catalog.Item it : catalog.items()) {
      rows.add(
          RowFactory.create(
              "items",
              it.introDay(),
              String.format("i%08d", it.index()),
              Catalog.line(it, p.day(it.introDay())),
              ""));
    }
    double[] daily = {4.0, 6.0, 2.5};
    String[] types = {"compute", "operations", "maintenance"};
    for (int d = p.experimentStart(); d < p.days(); d++) {
      for (int a = 0; a < UserSimulator.AUTOMATIONS.length; a++) {
        for (int t = 0; t < types.length; t++) {
          double amount = daily[t] * (1 + a) * (1 + 0.1 * Math.sin(d + a + t));
          rows.add(
              RowFactory.create(
                  "costs",
                  d,
                  String.format("c%02d%02d", a, t),
                  String.format(
                      Locale.ROOT,
                      "%s,%s,%s,%.2f",
                      p.day(d),
                      UserSimulator.AUTOMATIONS[a],
                      types[t],
                      amount),
                  ""));
        }
      }
    }
    TRUTH_HEADERS.forEach((k, h) -> rows.add(RowFactory.create(k, 0, "", h, "")));
    return rows;
  }

  /** Moves Spark's kind=/date= folders into the landing layout; joins truth parts into files. */
  private static void layOut(Path tmp, Path landing, Path truth) {
    try {
      Files.createDirectories(truth);
      try (Stream<Path> kinds = Files.list(tmp)) {
        for (Path kindDir : kinds.filter(Files::isDirectory).sorted().toList()) {
          String kind = kindDir.getFileName().toString().substring("kind=".length());
          if (kind.startsWith("truth_")) {
            Path target = truth.resolve(kind.substring("truth_".length()) + ".csv");
            try (OutputStream os = Files.newOutputStream(target)) {
              for (Path part : parts(kindDir)) {
                Files.copy(part, os);
              }
            }
            continue;
          }
          String ext = Landing.valueOf(kind.toUpperCase(Locale.ROOT)).format().extension();
          try (Stream<Path> dates = Files.list(kindDir)) {
            for (Path dateDir : dates.filter(Files::isDirectory).sorted().toList()) {
              Path dest = landing.resolve(kind).resolve(dateDir.getFileName());
              Files.createDirectories(dest);
              for (Path part : parts(dateDir)) {
                String name = part.getFileName().toString().replaceAll("\\.txt$", "." + ext);
                Files.move(part, dest.resolve(name));
              }
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot lay out the generated files", e);
    }
  }

  /** The part files under a folder (recursively), in name order. */
  private static List<Path> parts(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(f -> f.getFileName().toString().startsWith("part-")).sorted().toList();
    }
  }

  static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + p, e);
    }
  }
}
