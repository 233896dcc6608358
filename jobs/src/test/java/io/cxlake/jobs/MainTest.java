package io.cxlake.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.cli.ExitCodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Command-line behaviour that needs no Spark: bad input exits non-zero before Spark starts. */
class MainTest {
  private record Run(int code, String err) {}

  private static Run run(String... args) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return new Run(Main.run(args), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(oldErr);
    }
  }

  @Test
  void unknownConfigKeyExitsWithBadConfigAndNamesTheKey() {
    Run r = run("ingest", "--run-date", "2026-10-01", "--set", "lake.rooot=/tmp/x");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("lake.rooot").contains("unknown config key");
  }

  @Test
  void wrongTypeInConfFileNamesKeyAndFile() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("bad", ".conf");
    java.nio.file.Files.writeString(f, "ingest { max-field-chars = many }\n");
    Run r = run("ingest", "--run-date", "2026-10-01", "--conf", f.toString());
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("ingest.max-field-chars").contains(f.getFileName().toString());
  }

  @Test
  void forgetWithoutAUserIsABadArgumentBeforeSparkStarts() {
    Run r = run("forget", "--user", " ");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("--user");
  }

  @Test
  void missingRunDateIsABadArgument() {
    Run r = run("ingest");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("--run-date");
  }

  @Test
  void impossibleDemoSizeIsRefusedBeforeAnythingIsDeleted() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("demo");
    java.nio.file.Path marker = java.nio.file.Files.createDirectories(dir.resolve("lake/keep"));
    Run r = run("demo", "--dir", dir.toString(), "--days", "1");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("days");
    assertThat(marker).exists();
  }

  @Test
  void unknownOptionIsAUsageError() {
    Run r = run("ingest", "--run-dat", "2026-10-01");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("--run-dat");
  }

  @Test
  void intentsChecksItsConfigAndRunDateBeforeSparkStarts() {
    Run r = run("intents", "--run-date", "2026-10-01", "--set", "intents.precision-target=1.5");
    assertThat(r.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.err()).contains("intents.precision-target");
    Run noDate = run("intents");
    assertThat(noDate.code()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(noDate.err()).contains("--run-date");
  }
}
