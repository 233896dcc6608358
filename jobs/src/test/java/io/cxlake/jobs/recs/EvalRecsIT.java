package io.cxlake.jobs.recs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code eval recs} on the committed planted-tastes file (see its README). */
class EvalRecsIT {
  private static final String FILE = resource("recs/planted-interactions.csv");

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = Main.run(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void blendBeatsPopularityOnPlantedTastesAndWritesJson() throws Exception {
    Path json = Files.createTempFile("eval", ".json");
    Run r =
        run(
            "eval",
            "recs",
            "--input",
            FILE,
            "--format",
            "csv",
            "--user-col",
            "customer",
            "--item-col",
            "product",
            "--rating-col",
            "rating",
            "--time-col",
            "timestamp",
            "--split",
            "random-by-user:0.75",
            "--seed",
            "42",
            "--k",
            "10",
            "--model",
            "blend",
            "--tune",
            "false",
            "--json-out",
            json.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.OK);
    assertThat(r.out()).contains("model (blend)").contains("popularity").contains("nDCG@10");
    String j = Files.readString(json);
    for (String key :
        new String[] {"precision_at_k", "recall_at_k", "ndcg_at_k", "map_at_k", "coverage"}) {
      assertThat(j).contains("\"" + key + "\"");
    }
    double model = metric(j, "model", "ndcg_at_k");
    double pop = metric(j, "popularity", "ndcg_at_k");
    // four planted taste groups: a taste-aware model should rank far better than one list for all
    assertThat(model).isGreaterThan(1.5 * pop);
    assertThat(metric(j, "model", "coverage")).isGreaterThan(metric(j, "popularity", "coverage"));
  }

  @Test
  void badColumnsAndSplitsExitTwoAndNameTheProblem() {
    Run col =
        run("eval", "recs", "--input", FILE, "--user-col", "customr", "--item-col", "product");
    assertThat(col.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(col.err()).contains("--user-col 'customr'").contains("customer, product");

    Run split =
        run(
            "eval",
            "recs",
            "--input",
            FILE,
            "--user-col",
            "customer",
            "--item-col",
            "product",
            "--split",
            "random-by-basket:0.75");
    assertThat(split.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(split.err()).contains("random-by-basket");

    Run ratio =
        run(
            "eval",
            "recs",
            "--input",
            FILE,
            "--user-col",
            "customer",
            "--item-col",
            "product",
            "--split",
            "time:1.5",
            "--time-col",
            "timestamp");
    assertThat(ratio.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(ratio.err()).contains("time:1.5").contains("between 0 and 1");

    Run noTime =
        run(
            "eval",
            "recs",
            "--input",
            FILE,
            "--user-col",
            "customer",
            "--item-col",
            "product",
            "--split",
            "time:0.75");
    assertThat(noTime.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(noTime.err()).contains("--time-col");
  }

  private static double metric(String json, String section, String key) {
    Matcher m =
        Pattern.compile("\"" + section + "\": \\{[^}]*\"" + key + "\": ([0-9.eE-]+)").matcher(json);
    assertThat(m.find()).as(section + "." + key + " in " + json).isTrue();
    return Double.parseDouble(m.group(1));
  }

  private static String resource(String name) {
    try {
      return Paths.get(EvalRecsIT.class.getClassLoader().getResource(name).toURI()).toString();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
