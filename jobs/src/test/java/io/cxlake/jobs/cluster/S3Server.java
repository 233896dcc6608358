package io.cxlake.jobs.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * An S3 API server on 127.0.0.1: S3Proxy (the build copies its one-jar release to target/s3proxy)
 * in a JVM of its own, storing objects under a local folder, one sub-folder per bucket. It checks
 * AWS v2/v4 signatures against the one key pair it is given.
 */
public final class S3Server implements AutoCloseable {
  private static final Path JAR = Paths.get("target", "s3proxy", "s3proxy.jar").toAbsolutePath();

  private final Process process;
  private final int port;
  private final Path storage;

  private S3Server(Process process, int port, Path storage) {
    this.process = process;
    this.port = port;
    this.storage = storage;
  }

  /** Starts the server with its storage and log under {@code dir}; returns once it listens. */
  public static S3Server start(Path dir, String accessKey, String secretKey)
      throws IOException, InterruptedException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: the build copies it (mvn verify)");
    }
    Path storage = Files.createDirectories(dir.resolve("s3-storage"));
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Path props = dir.resolve("s3proxy.properties");
    Files.writeString(
        props,
        String.join(
            "\n",
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + accessKey,
            "s3proxy.credential=" + secretKey,
            "jclouds.provider=filesystem-nio2",
            "jclouds.filesystem.basedir=" + storage,
            ""));
    Path log = dir.resolve("s3proxy.log");
    Path logback = dir.resolve("s3proxy-logback.xml");
    // S3Proxy logs every request at DEBUG by default.
    Files.writeString(
        logback,
        "<configuration><appender name=\"out\" class=\"ch.qos.logback.core.ConsoleAppender\">"
            + "<encoder><pattern>%d %-5level %logger{20} %msg%n</pattern></encoder></appender>"
            + "<root level=\"WARN\"><appender-ref ref=\"out\"/></root></configuration>");
    ProcessBuilder pb =
        new ProcessBuilder(
                List.of(
                    ProcessHandle.current().info().command().orElse("java"),
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-Dlogback.configurationFile=" + logback,
                    "-jar",
                    JAR.toString(),
                    "--properties",
                    props.toString()))
            .redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    S3Server server = new S3Server(p, port, storage);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!server.listening()) {
      if (!p.isAlive() || System.nanoTime() > deadline) {
        server.close();
        throw new IllegalStateException(
            "S3Proxy did not start; log:\n" + StandaloneCluster.tail(log));
      }
      Thread.sleep(100);
    }
    return server;
  }

  private boolean listening() {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port;
  }

  /** A bucket is a folder of the filesystem store: made here, since s3a never creates buckets. */
  public Path createBucket(String name) throws IOException {
    return Files.createDirectories(storage.resolve(name));
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
