package io.cxlake.jobs.serving;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU seconds spent so far by a local server process and its children (Linux /proc; zero
 * elsewhere), and by this JVM: the benchmark reports them beside wall time, since on a shared
 * machine the wall time of a phase depends on the others' load and its CPU time much less.
 */
final class ServerCpu {
  private static final double TICK = 100.0; // USER_HZ: 100 on every Linux this runs on

  private final ProcessHandle server;

  private ServerCpu(ProcessHandle server) {
    this.server = server;
  }

  /** The server listening on {@code port} whose command line names {@code binary}. */
  static Optional<ServerCpu> find(String binary, int port) {
    return ProcessHandle.allProcesses()
        .filter(p -> cmd(p).contains(binary) && cmd(p).contains(String.valueOf(port)))
        .filter(p -> p.parent().map(pp -> !cmd(pp).contains(binary)).orElse(true))
        .findFirst()
        .map(ServerCpu::new);
  }

  /** The command line as /proc shows it (Redis rewrites its own, which ProcessHandle misses). */
  private static String cmd(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc/" + p.pid() + "/cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  /** The server's CPU seconds: itself, its live children, and the children it has reaped. */
  double seconds() {
    double s = ticks(server.pid(), true);
    for (ProcessHandle c : server.children().toList()) {
      s += ticks(c.pid(), false);
    }
    return s / TICK;
  }

  /** This JVM's CPU seconds, every thread. */
  static double jvmSeconds() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime()
        / 1e9;
  }

  private static double ticks(long pid, boolean withReaped) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // After the command: state is field 3, utime 14, stime 15, cutime 16, cstime 17.
      double t = Double.parseDouble(f[11]) + Double.parseDouble(f[12]);
      if (withReaped) {
        t += Double.parseDouble(f[13]) + Double.parseDouble(f[14]);
      }
      return t;
    } catch (IOException | RuntimeException e) {
      return 0; // gone meanwhile (a backend that exited), or not Linux
    }
  }
}
