package io.cxlake.lake.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cxlake.lake.landing.Landing;
import io.cxlake.lake.landing.Reason;
import io.cxlake.lake.testing.SparkExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SparkExtension.class)
class SimulatorTest {
  static final SimParams PARAMS = new SimParams(7, 300, 40, 12, 0.02, LocalDate.of(2026, 10, 1));
  @TempDir static Path dir;
  static Simulator.Result result;

  @BeforeAll
  static void generate() {
    result = Simulator.generate(SparkExtension.spark(), PARAMS, dir.resolve("a"));
  }

  /** Folder → sorted hashes of its files' contents: equal maps, equal bytes. */
  private static Map<String, List<String>> fingerprint(Path landing) throws Exception {
    Map<String, List<String>> out = new TreeMap<>();
    try (Stream<Path> files = Files.walk(landing)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String folder = landing.relativize(f.getParent()).toString();
        byte[] h = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
        out.computeIfAbsent(folder, k -> new ArrayList<>()).add(HexFormat.of().formatHex(h));
      }
    }
    out.values().forEach(l -> l.sort(null));
    return out;
  }

  @Test
  void sameSeedSameBytesOtherSeedOtherBytes(SparkSession spark) throws Exception {
    Simulator.generate(spark, PARAMS, dir.resolve("b"));
    SimParams other = new SimParams(8, 300, 40, 12, 0.02, LocalDate.of(2026, 10, 1));
    Simulator.generate(spark, other, dir.resolve("c"));
    Map<String, List<String>> a = fingerprint(dir.resolve("a/landing"));
    assertThat(a).containsKey("events/date=2026-10-01").containsKey("customers/date=2026-10-01");
    assertThat(fingerprint(dir.resolve("b/landing"))).isEqualTo(a);
    assertThat(fingerprint(dir.resolve("c/landing"))).isNotEqualTo(a);
    assertThat(Files.readString(dir.resolve("b/truth/truth.json")))
        .isEqualTo(Files.readString(dir.resolve("a/truth/truth.json")));
  }

  @Test
  void layoutHasOneFilePerSourceAndDayWithHeadersOnCsv() throws Exception {
    Path landing = dir.resolve("a/landing");
    for (Landing l :
        List.of(Landing.CUSTOMERS, Landing.RETURNS, Landing.ASSIGNMENTS, Landing.COSTS)) {
      try (Stream<Path> files = Files.walk(landing.resolve(l.dir()))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(f.getFileName().toString()).startsWith("part-").endsWith(".csv");
          String first = Files.readAllLines(f).get(0);
          assertThat(first)
              .as(f.toString())
              .startsWith(l == Landing.COSTS ? "date," : first.split(",")[0]);
          assertThat(first).doesNotContain("@").doesNotMatch(".*\\d{4}-\\d{2}-\\d{2}T.*");
        }
      }
    }
    try (Stream<Path> files = Files.walk(landing.resolve("events"))) {
      assertThat(files.filter(Files::isRegularFile).allMatch(f -> f.toString().endsWith(".json")))
          .isTrue();
    }
  }

  @Test
  void truthCountsWhatTheLandingFilesHold() throws Exception {
    JsonNode truth = new ObjectMapper().readTree(dir.resolve("a/truth/truth.json").toFile());
    for (String key :
        List.of(
            "bad_rows",
            "duplicate_rows",
            "lifts",
            "users",
            "items",
            "days",
            "seed",
            "first_day",
            "last_day")) {
      assertThat(truth.has(key)).as(key).isTrue();
    }
    for (Reason r : Reason.values()) {
      if (r == Reason.NOT_A_PRODUCT) {
        continue; // only real exports have these
      }
      assertThat(truth.get("bad_rows").get(r.code()).asLong()).as(r.code()).isPositive();
    }
    // Count independently what can be counted from the files: lines that are not JSON,
    // and event ids seen more than once.
    ObjectMapper json = new ObjectMapper();
    long malformed = 0;
    Map<String, Integer> eventIds = new TreeMap<>();
    for (String source : List.of("events", "orders")) {
      try (Stream<Path> files = Files.walk(dir.resolve("a/landing/" + source))) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          for (String line : Files.readAllLines(f)) {
            try {
              JsonNode n = json.readTree(line);
              if (source.equals("events") && n.hasNonNull("event_id")) {
                eventIds.merge(n.get("event_id").asText(), 1, Integer::sum);
              }
            } catch (Exception e) {
              malformed++;
            }
          }
        }
      }
    }
    assertThat(malformed).isEqualTo(truth.get("bad_rows").get("malformed").asLong());
    long repeats = eventIds.values().stream().mapToLong(c -> c - 1).sum();
    assertThat(repeats).isEqualTo(truth.get("duplicate_rows").asLong());
    assertThat(truth.get("lifts").get("support_bot").get("revenue_per_user").asDouble()).isZero();
    assertThat(truth.get("lifts").get("homepage_recs").get("conversion").asDouble()).isPositive();
    assertThat(truth.get("lifts").get("support_bot").get("resolution_minutes").asDouble())
        .isNegative();
  }

  @Test
  void returnsFollowThePlantedProbabilities() throws Exception {
    List<String> lines = Files.readAllLines(dir.resolve("a/truth/order_lines.csv"));
    assertThat(lines.get(0)).startsWith("order_id,item_id,p_return,returned");
    double sumP = 0;
    long returned = 0;
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",");
      sumP += Double.parseDouble(f[2]);
      returned += Boolean.parseBoolean(f[3]) ? 1 : 0;
    }
    int n = lines.size() - 1;
    assertThat(n).isGreaterThan(200);
    double sd = Math.sqrt(sumP * (1 - sumP / n)); // binomial-like spread of the count
    assertThat((double) returned).isCloseTo(sumP, org.assertj.core.data.Offset.offset(4 * sd));
  }
}
