package io.cxlake.jobs.cluster;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 without a Spark download: a SPARK_HOME whose {@code
 * jars/} links Spark's runtime jars from the local Maven repository (the jobs module's
 * local-classpath files, minus what the shaded jar carries itself), a Master and one Worker as JVMs
 * of their own, and {@link #submit} through {@code SparkSubmit}, which is what {@code spark-submit}
 * runs. Executors are JVMs the Worker starts, so closures really travel.
 */
public final class StandaloneCluster implements AutoCloseable {
  /**
   * Groups the shaded jar carries (our code, Delta, the CLI, HOCON, the store drivers): kept out of
   * SPARK_HOME, so that a job only finds them in the jar it was submitted with.
   */
  private static final List<String> IN_THE_JAR =
      List.of(
          "/io/cxlake/",
          "/io/delta/",
          "/io/unitycatalog/",
          "/info/picocli/",
          "/com/typesafe/config/",
          "/org/xerial/sqlite-jdbc/",
          "/org/postgresql/",
          "/redis/clients/",
          "/org/json/json/",
          "/org/apache/commons/commons-pool2/",
          "/com/fasterxml/jackson/datatype/jackson-datatype-jdk8/");

  private final Path home;
  private final Path logs;
  private final String masterUrl;
  private final Map<String, String> env;
  private final List<Process> daemons = new ArrayList<>();

  private StandaloneCluster(Path home, Path logs, String masterUrl, Map<String, String> env) {
    this.home = home;
    this.logs = logs;
    this.masterUrl = masterUrl;
    this.env = env;
  }

  /**
   * Builds SPARK_HOME at {@code home} from the classpath files, starts a Master and a Worker with
   * {@code cores} and {@code memory} (e.g. "1536m"), their logs and work folder under {@code dir},
   * and returns once the Worker has registered.
   */
  public static StandaloneCluster start(
      Path home, Path dir, List<Path> classpathFiles, int cores, String memory)
      throws IOException, InterruptedException {
    // Links, made afresh: the jars stay in the Maven repository.
    Path jars = Files.createDirectories(home.resolve("jars"));
    try (Stream<Path> old = Files.list(jars)) {
      for (Path p : old.toList()) {
        Files.delete(p);
      }
    }
    for (String jar : sparkJars(classpathFiles)) {
      Path p = Paths.get(jar);
      Files.createSymbolicLink(jars.resolve(p.getFileName()), p);
    }
    Path logs = Files.createDirectories(dir.resolve("logs"));
    int port = freePort();
    String url = "spark://127.0.0.1:" + port;
    Map<String, String> env =
        Map.of(
            "SPARK_HOME",
            home.toString(),
            "SPARK_SCALA_VERSION",
            "2.13",
            "SPARK_LOCAL_IP",
            "127.0.0.1",
            "JAVA_HOME",
            System.getProperty("java.home"));
    StandaloneCluster c = new StandaloneCluster(home, logs, url, env);
    try {
      c.daemon(
          "master",
          "I have been elected leader",
          "org.apache.spark.deploy.master.Master",
          "--host",
          "127.0.0.1",
          "--port",
          String.valueOf(port),
          "--webui-port",
          String.valueOf(freePort()));
      c.daemon(
          "worker",
          "Successfully registered with master",
          "org.apache.spark.deploy.worker.Worker",
          "--host",
          "127.0.0.1",
          "--cores",
          String.valueOf(cores),
          "--memory",
          memory,
          "--webui-port",
          String.valueOf(freePort()),
          "--work-dir",
          Files.createDirectories(dir.resolve("work")).toString(),
          url);
    } catch (IOException | InterruptedException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  public String masterUrl() {
    return masterUrl;
  }

  /** The jars of SPARK_HOME: every jar of the files, in order, except those the shaded jar has. */
  static List<String> sparkJars(List<Path> classpathFiles) throws IOException {
    Set<String> out = new LinkedHashSet<>();
    for (Path f : classpathFiles) {
      for (String e : Files.readString(f).trim().split(java.io.File.pathSeparator)) {
        if (e.endsWith(".jar")
            && e.contains("/repository/")
            && IN_THE_JAR.stream().noneMatch(e::contains)) {
          out.add(e);
        }
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * Runs {@code SparkSubmit} in client deploy mode as a JVM of its own: the class, the jar and the
   * application's arguments after the given spark-submit options. Its output goes to {@code log}.
   */
  public Process submit(
      Path log,
      Map<String, String> extraEnv,
      List<String> options,
      String mainClass,
      Path jar,
      String... args)
      throws IOException {
    List<String> cmd = java("1g");
    cmd.addAll(
        List.of(
            "org.apache.spark.deploy.SparkSubmit",
            "--master",
            masterUrl,
            "--deploy-mode",
            "client",
            "--class",
            mainClass,
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.ui.enabled=false"));
    cmd.addAll(options);
    cmd.add(jar.toString());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    pb.environment().putAll(extraEnv);
    return pb.start();
  }

  /** The Spark flags of the running JVM (spark-submit's --add-opens list) and Spark's classpath. */
  private List<String> java(String heap) {
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(
            a ->
                a.startsWith("--add-opens")
                    || a.startsWith("-Djdk.reflect")
                    || a.startsWith("-Dio.netty")
                    || a.startsWith("-Duser.timezone"))
        .forEach(cmd::add);
    cmd.addAll(List.of("-Xmx" + heap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    cmd.addAll(List.of("-cp", home.resolve("jars") + "/*"));
    return cmd;
  }

  private void daemon(String name, String ready, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = java("512m");
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    Path log = logs.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    daemons.add(p);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.readString(log).contains(ready)) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "the " + name + " did not start (\"" + ready + "\" not logged); log:\n" + tail(log));
      }
      Thread.sleep(100);
    }
  }

  /** The last lines of a log, for failure messages. */
  public static String tail(Path log) throws IOException {
    if (!Files.exists(log)) {
      return "(no log)";
    }
    List<String> lines = Files.readAllLines(log);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
  }

  /** The executors' stderr files under the Worker's work folder, for failure messages. */
  public static String executorLogs(Path dir) throws IOException {
    StringBuilder b = new StringBuilder();
    if (Files.isDirectory(dir.resolve("work"))) {
      try (Stream<Path> s = Files.walk(dir.resolve("work"))) {
        for (Path f : s.filter(p -> p.getFileName().toString().equals("stderr")).toList()) {
          b.append("== ").append(f).append('\n').append(tail(f)).append('\n');
        }
      }
    }
    return b.toString();
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /** Stops the Worker first (it kills its executors), then the Master; waits for both. */
  @Override
  public void close() throws InterruptedException {
    for (int i = daemons.size() - 1; i >= 0; i--) {
      Process p = daemons.get(i);
      List<ProcessHandle> children = p.descendants().toList();
      p.destroy();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly().waitFor();
      }
      children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
    daemons.clear();
  }
}
