package io.cxlake.jobs.serving;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import redis.embedded.RedisServer;

/**
 * Real PostgreSQL and Redis servers (binaries from Maven Central), started once per test JVM on
 * 127.0.0.1 with free ports, stopped at exit. Each test gets its own database or key prefix.
 */
public final class TestServers {
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static RedisServer redis;
  private static int redisPort;

  private TestServers() {}

  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres =
            EmbeddedPostgres.builder()
                .setPort(freePort())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "50")
                .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopPostgres));
    }
    return postgres;
  }

  private static void stopPostgres() {
    try {
      postgres.close();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  public static synchronized int redisPort() {
    if (redis == null) {
      try {
        redisPort = freePort();
        redis =
            RedisServer.newRedisServer()
                .port(redisPort)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("appendonly no")
                .build();
        redis.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start embedded Redis", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(TestServers::stopRedis));
    }
    return redisPort;
  }

  private static void stopRedis() {
    try {
      redis.stop();
    } catch (IOException e) {
      // the JVM is exiting
    }
  }

  /** A fresh database on the test PostgreSQL; returns its JDBC url. */
  public static String newPostgresDatabase() {
    String name = "cx_test_" + SEQ.incrementAndGet();
    try (Connection c = postgres().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (Exception e) {
      throw new IllegalStateException("cannot create database " + name, e);
    }
    return "jdbc:postgresql://127.0.0.1:" + postgres().getPort() + "/" + name;
  }

  /** A key prefix no other test uses. */
  static String newRedisPrefix() {
    return "t" + SEQ.incrementAndGet();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static StoreSpec sqlite(String path) {
    return spec("sqlite", path, null, 0, null, 3);
  }

  static StoreSpec postgres(String url) {
    return spec("postgres", null, url, 0, null, 3);
  }

  static StoreSpec redis(int port, String prefix) {
    return spec("redis", null, null, port, prefix, 3);
  }

  /** A spec with test-sized batches, two writers, and fast retries. */
  static StoreSpec spec(
      String type, String sqlitePath, String pgUrl, int redisPort, String prefix, int retain) {
    return new StoreSpec(
        type,
        sqlitePath,
        pgUrl,
        "postgres",
        null,
        "127.0.0.1",
        redisPort,
        prefix,
        null,
        5000,
        2,
        50,
        2,
        retain);
  }
}
