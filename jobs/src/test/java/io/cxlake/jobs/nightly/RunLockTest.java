package io.cxlake.jobs.nightly;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run lock against holders that are alive, dead on this host, elsewhere, or expired. */
class RunLockTest {
  private static final LocalDate D = LocalDate.of(2026, 10, 5);
  private static final Duration HOUR = Duration.ofHours(1);

  @TempDir Path lake;

  @Test
  void aSecondRunIsRefusedWhileTheFirstHoldsTheDateAndGetsItAfterwards() {
    RunLock first = acquire("run-1");
    assertThatThrownBy(() -> acquire("run-2"))
        .isInstanceOf(RunLock.HeldException.class)
        .hasMessageContaining("holder run-1")
        .hasMessageContaining("nothing was touched");
    first.close();
    acquire("run-2").close();
  }

  @Test
  void aLockLeftByAProcessOfThisHostThatIsGoneIsTakenAtOnce() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    leftBehind("killed-run", InetAddress.getLocalHost().getHostName(), p.pid(), HOUR);
    acquire("rerun").close();
  }

  @Test
  void aLockOfAnotherHostWaitsForItsExpiry() throws Exception {
    leftBehind("elsewhere", "some-other-host", 1, HOUR);
    assertThatThrownBy(() -> acquire("rerun")).hasMessageContaining("holder elsewhere");
    leftBehind("elsewhere", "some-other-host", 1, Duration.ofSeconds(-1));
    acquire("rerun").close();
  }

  @Test
  void aLockOfALiveProcessOfThisHostHolds() throws Exception {
    leftBehind(
        "live", InetAddress.getLocalHost().getHostName(), ProcessHandle.current().pid(), HOUR);
    assertThatThrownBy(() -> acquire("rerun")).hasMessageContaining("holder live");
  }

  private RunLock acquire(String holder) {
    return RunLock.acquire(new Configuration(), lake.toString(), D, holder, HOUR);
  }

  private void leftBehind(String holder, String host, long pid, Duration ttl) throws Exception {
    Path file = lake.resolve("_locks/nightly-" + D + ".lock");
    Files.createDirectories(file.getParent());
    Instant now = Instant.now();
    Files.writeString(
        file,
        "holder="
            + holder
            + "\nhost="
            + host
            + "\npid="
            + pid
            + "\nacquired="
            + now
            + "\nexpires="
            + now.plus(ttl)
            + "\n");
  }
}
