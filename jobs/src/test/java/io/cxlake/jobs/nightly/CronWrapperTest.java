package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThat;

import io.cxlake.jobs.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cron wrapper conf/schedulers/cxlake-nightly.sh, run by bash with a fake cxlake command
 * (CXLAKE_CMD) that records its arguments and exits with the codes it is given, one per call.
 */
class CronWrapperTest {
  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("conf/schedulers/cxlake-nightly.sh");

  @TempDir Path dir;

  /** What a wrapper run did: its exit code, and each call of the fake command. */
  record Run(int exit, List<String> calls, String output) {}

  @Test
  void runsYesterdayOfTheGivenDayAcrossAMonthEndInALeapYear() throws Exception {
    Run r = run(Map.of("CXLAKE_TODAY", "2024-03-01"), "0");
    assertThat(r.exit()).isZero();
    assertThat(r.calls())
        .containsExactly(
            "nightly --run-date 2024-02-29 --summary-out "
                + dir.resolve("logs/nightly-2024-02-29.json"));
    assertThat(dir.resolve("logs/nightly-2024-02-29.log")).content().contains("done");
  }

  @Test
  void runsYesterdayByTheClockInTheConfiguredTimeZone() throws Exception {
    for (String zone : List.of("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago")) {
      LocalDate before = LocalDate.now(ZoneId.of(zone)).minusDays(1);
      Run r = run(Map.of("CXLAKE_TZ", zone), "0");
      LocalDate after = LocalDate.now(ZoneId.of(zone)).minusDays(1);
      assertThat(r.calls()).hasSize(1);
      String runDate = r.calls().get(0).split(" ")[2];
      assertThat(runDate).as("in %s", zone).isIn(before.toString(), after.toString());
    }
  }

  @Test
  void retriesAFailedOrKilledRunAndStopsWhenItSucceeds() throws Exception {
    Run r = run(Map.of("CXLAKE_TODAY", "2026-11-24", "CXLAKE_RETRIES", "2"), "1 137 0");
    assertThat(r.exit()).isZero();
    assertThat(r.calls()).hasSize(3).allMatch(c -> c.startsWith("nightly --run-date 2026-11-23"));
    assertThat(r.output()).contains("failed (exit 1); retrying", "failed (exit 137); retrying");
  }

  @Test
  void givesUpWithExitOneAfterTheRetries() throws Exception {
    Run r = run(Map.of("CXLAKE_TODAY", "2026-11-24", "CXLAKE_RETRIES", "2"), "1");
    assertThat(r.exit()).isEqualTo(ExitCodes.STEP_FAILED);
    assertThat(r.calls()).hasSize(3);
    assertThat(r.output()).contains("failed (exit 1) after 3 attempts");
  }

  @ParameterizedTest
  @ValueSource(ints = {ExitCodes.BAD_CONFIG, ExitCodes.GATE_BLOCKED, ExitCodes.LOCKED})
  void doesNotRetryWhatARetryCannotFix(int code) throws Exception {
    Run r = run(Map.of("CXLAKE_TODAY", "2026-11-24", "CXLAKE_RETRIES", "2"), String.valueOf(code));
    assertThat(r.exit()).isEqualTo(code);
    assertThat(r.calls()).hasSize(1);
    assertThat(r.output()).contains("(exit " + code + "), not retried");
  }

  @Test
  void passesAGivenDateOrABackfillRangeWithTheConfAndExtraOptions() throws Exception {
    Map<String, String> env =
        Map.of("CXLAKE_CONF", "/etc/cxlake/prod.conf", "CXLAKE_ARGS", "--set serving.store=redis");
    assertThat(run(env, "0", "2026-11-20").calls())
        .containsExactly(
            "nightly --conf /etc/cxlake/prod.conf --run-date 2026-11-20 --summary-out "
                + dir.resolve("logs/nightly-2026-11-20.json")
                + " --set serving.store=redis");
    assertThat(run(env, "0", "2026-11-20", "2026-11-23").calls())
        .containsExactly(
            "nightly --conf /etc/cxlake/prod.conf --from-date 2026-11-20 --to-date 2026-11-23"
                + " --summary-out "
                + dir.resolve("logs/nightly-2026-11-20_2026-11-23.json")
                + " --set serving.store=redis");
  }

  @Test
  void aBadDateExitsTwoWithoutRunning() throws Exception {
    Run r = run(Map.of(), "0", "2026-13-01");
    assertThat(r.exit()).isEqualTo(ExitCodes.BAD_CONFIG);
    assertThat(r.calls()).isEmpty();
    assertThat(r.output()).contains("'2026-13-01' is not a date");
    assertThat(run(Map.of("CXLAKE_TODAY", "yesterday"), "0").exit())
        .isEqualTo(ExitCodes.BAD_CONFIG);
  }

  /** Runs the wrapper with the fake command exiting with {@code exits}, one per call. */
  private Run run(Map<String, String> env, String exits, String... args) throws Exception {
    Path calls = dir.resolve("calls.txt");
    Files.deleteIfExists(calls);
    Path fake = dir.resolve("fake-cxlake.sh");
    Files.writeString(
        fake,
        "#!/usr/bin/env bash\n"
            + "echo \"$*\" >> '"
            + dir.resolve("calls.txt")
            + "'\n"
            + "codes=($FAKE_EXITS)\n"
            + "n=$(wc -l < '"
            + dir.resolve("calls.txt")
            + "')\n"
            + "i=$(( n - 1 < ${#codes[@]} - 1 ? n - 1 : ${#codes[@]} - 1 ))\n"
            + "exit ${codes[$i]}\n");
    fake.toFile().setExecutable(true);
    ProcessBuilder pb =
        new ProcessBuilder(concat(List.of("bash", SCRIPT.toString()), args))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    Map<String, String> e = pb.environment();
    e.keySet().removeIf(k -> k.startsWith("CXLAKE_"));
    Map<String, String> all = new HashMap<>(env);
    all.put("CXLAKE_CMD", fake.toString());
    all.put("CXLAKE_LOG_DIR", dir.resolve("logs").toString());
    all.put("CXLAKE_RETRY_WAIT", "0");
    all.put("FAKE_EXITS", exits);
    e.putAll(all);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Run(
        p.exitValue(), Files.exists(calls) ? Files.readAllLines(calls) : List.of(), output);
  }

  private static List<String> concat(List<String> a, String[] b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(List.of(b));
    return out;
  }
}
