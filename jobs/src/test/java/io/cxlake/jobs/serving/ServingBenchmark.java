package io.cxlake.jobs.serving;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Publish throughput against the raw floor, on real PostgreSQL and Redis started here (run by hand;
 * results in benchmarks/serving.md). The data: {@code users} users × 10 recommendations (1M rows by
 * default) plus the small tables. Publish is the whole {@link Publisher#publish}: write with two
 * connections, index, validate (counts and a sample), flip, prune. The floors, in the same run on
 * the same server: PostgreSQL — one COPY of the same recommendation rows into a plain table with no
 * index; Redis — pipelined SET of one key per user with that user's JSON value already encoded.
 *
 * <p>Arguments: [users=100000] [repeats=3] [writers=2] [stores=postgres,redis,sqlite].
 */
public final class ServingBenchmark {
  private static final int RECS = 10;

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int writers = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    System.out.printf(
        "rows: %,d recommendations (%,d users x %d) + small tables; %d repeats, median;"
            + " %d writers%n",
        users * RECS, users, RECS, repeats, writers);
    String url = TestServers.newPostgresDatabase();
    StoreSpec pg = writers(TestServers.spec("postgres", null, url, 0, null, 2), writers);
    StoreSpec redis =
        writers(
            TestServers.spec("redis", null, null, TestServers.redisPort(), "bench", 2), writers);
    StoreSpec sqlite =
        TestServers.spec(
            "sqlite",
            java.nio.file.Files.createTempDirectory("bench").resolve("s.db").toString(),
            null,
            0,
            null,
            2);
    List<String> only = args.length > 3 ? List.of(args[3].split(",")) : List.of();
    for (StoreSpec spec : List.of(pg, redis, sqlite)) {
      if (!only.isEmpty() && !only.contains(spec.type())) {
        continue;
      }
      server =
          switch (spec.type()) {
            case "postgres" -> ServerCpu.find("postgres", TestServers.postgres().getPort());
            case "redis" -> ServerCpu.find("redis-server", spec.redisPort());
            default -> Optional.empty();
          };
      // Warm-up, untimed: JIT and the servers' caches, so run 1 is not an outlier.
      Map<ServingTable, List<List<Object>>> warm = ScoreFixtures.run(users / 4, 99, RECS);
      publishSeconds(spec, warm, -1);
      floorSeconds(spec, warm.get(ServingTable.RECOMMENDATIONS), -1);
      double[] publish = new double[repeats];
      double[] floor = new double[repeats];
      double[][] cpu = new double[4][repeats]; // publish client, server; floor client, server
      for (int i = 0; i < repeats; i++) {
        Map<ServingTable, List<List<Object>>> rows = ScoreFixtures.run(users, i + 1, RECS);
        publish[i] = publishSeconds(spec, rows, i);
        cpu[0][i] = lastClient;
        cpu[1][i] = lastServer;
        floor[i] = floorSeconds(spec, rows.get(ServingTable.RECOMMENDATIONS), i);
        cpu[2][i] = lastClient;
        cpu[3][i] = lastServer;
        System.out.printf(
            "  %s run %d: publish %.2f s (cpu s: client %.2f, server %.2f), floor %.2f s"
                + " (cpu s: client %.2f, server %.2f)%n",
            spec.type(), i + 1, publish[i], cpu[0][i], cpu[1][i], floor[i], cpu[2][i], cpu[3][i]);
      }
      double p = median(publish);
      double f = median(floor);
      long n = (long) users * RECS;
      if (spec.type().equals("redis")) {
        double[] withEncode = new double[repeats];
        for (int i = 0; i < repeats; i++) {
          withEncode[i] =
              setFloor(
                  spec,
                  ScoreFixtures.run(users, i + 1, RECS).get(ServingTable.RECOMMENDATIONS),
                  true);
        }
        double fe = median(withEncode);
        System.out.printf(
            "redis    floor with JSON encoding inside the timing %.2f s (%,.0f rows/s) |"
                + " publish/that floor %.2fx%n",
            fe, n / fe, fe / p);
      }
      System.out.printf(
          "%-8s publish %.2f s (%,.0f rows/s) | floor %.2f s (%,.0f rows/s) | publish/floor"
              + " throughput %.2fx | spread: publish %.2f-%.2f s, floor %.2f-%.2f s%n",
          spec.type(),
          p,
          n / p,
          f,
          n / f,
          f / p,
          min(publish),
          max(publish),
          min(floor),
          max(floor));
      System.out.printf(
          "%-8s cpu s, medians: publish client %.2f + server %.2f = %.2f | floor client %.2f +"
              + " server %.2f = %.2f%n",
          spec.type(),
          median(cpu[0]),
          median(cpu[1]),
          median(cpu[0]) + median(cpu[1]),
          median(cpu[2]),
          median(cpu[3]),
          median(cpu[2]) + median(cpu[3]));
    }
    System.exit(0);
  }

  /** The server of the store being measured, for its CPU time; empty for SQLite. */
  static Optional<ServerCpu> server = Optional.empty();

  private static double clientAt;
  private static double serverAt;

  /** CPU seconds of the last timed phase: this JVM (the client), the server. */
  static double lastClient;

  static double lastServer;

  static void cpuStart() {
    clientAt = ServerCpu.jvmSeconds();
    serverAt = server.map(ServerCpu::seconds).orElse(0.0);
  }

  /** After the clock stopped: waits a little so exited backends are counted by their server. */
  static void cpuStop() {
    lastClient = ServerCpu.jvmSeconds() - clientAt;
    try {
      Thread.sleep(150);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    lastServer = server.map(ServerCpu::seconds).orElse(0.0) - serverAt;
  }

  /** The spec with {@code n} parallel writers (serving.max-connections). */
  static StoreSpec writers(StoreSpec s, int n) {
    return new StoreSpec(
        s.type(),
        s.sqlitePath(),
        s.postgresUrl(),
        s.postgresUser(),
        s.postgresPassword(),
        s.redisHost(),
        s.redisPort(),
        s.redisPrefix(),
        s.redisPassword(),
        s.batchSize(),
        s.connectAttempts(),
        s.retryBackoffMs(),
        n,
        s.retainVersions());
  }

  static double publishSeconds(StoreSpec spec, Map<ServingTable, List<List<Object>>> rows, int i) {
    try (ServingStore store = spec.open()) {
      MemoryScores scores =
          new MemoryScores(rows, store, spec.parallelWrites() ? spec.maxConnections() : 1);
      for (ServingTable t : ServingTable.values()) {
        scores.partitions(t); // split and sorted before timing: Spark's shuffle, not the store
        scores.sample(t, Publisher.SAMPLE_KEYS);
      }
      System.gc();
      cpuStart();
      long start = System.nanoTime();
      Publisher.publish(store, scores, LocalDate.of(2026, 1, 2).plusDays(i), false, 2);
      double wall = (System.nanoTime() - start) / 1e9;
      cpuStop();
      return wall;
    }
  }

  static double floorSeconds(StoreSpec spec, List<List<Object>> recs, int i) throws Exception {
    return switch (spec.type()) {
      case "postgres" -> copyFloor(spec, recs);
      case "redis" -> setFloor(spec, recs);
      default -> insertFloor(spec, recs);
    };
  }

  /** One COPY of the rows into a fresh plain table: PostgreSQL's raw load speed. */
  static double copyFloor(StoreSpec spec, List<List<Object>> recs) throws Exception {
    try (Connection c = spec.postgres();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS floor_recs");
      s.execute(
          "CREATE TABLE floor_recs (" + BulkFloor.columns(ServingTable.RECOMMENDATIONS) + ")");
    }
    System.gc();
    cpuStart();
    long start = System.nanoTime();
    try (RowSink sink =
        new CopySink(spec.postgres(), "floor_recs", ServingTable.RECOMMENDATIONS, 5000)) {
      recs.forEach(sink::add);
      sink.commit();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    cpuStop();
    return wall;
  }

  /** Pipelined SET of one key per user, values encoded beforehand: Redis's raw write speed. */
  static double setFloor(StoreSpec spec, List<List<Object>> recs) {
    return setFloor(spec, recs, false);
  }

  /**
   * The same pipelined SETs; with {@code encodeInside}, each user's JSON value is encoded inside
   * the timed loop, as publish must: the floor of "rows in, Redis values out".
   */
  static double setFloor(StoreSpec spec, List<List<Object>> recs, boolean encodeInside) {
    Map<String, List<List<Object>>> byUser = ServingTable.RECOMMENDATIONS.byKey(recs);
    // The values as publish hands them to Jedis: UTF-8 bytes of RowJson's encoding.
    List<byte[][]> kv = new ArrayList<>(byUser.size());
    JsonBytes json = new JsonBytes();
    byUser.forEach(
        (k, v) ->
            kv.add(
                new byte[][] {
                  ("floor:" + k).getBytes(StandardCharsets.UTF_8),
                  encodeInside ? null : RowJson.encodeGroup(ServingTable.RECOMMENDATIONS, v, json)
                }));
    try (Jedis j = spec.redis()) {
      j.select(1); // a database of its own, emptied after; the store's keys stay in database 0
      j.flushDB();
      System.gc();
      cpuStart();
      long start = System.nanoTime();
      Pipeline p = j.pipelined();
      int n = 0;
      for (byte[][] e : kv) {
        byte[] value =
            e[1] != null
                ? e[1]
                : RowJson.encodeGroup(
                    ServingTable.RECOMMENDATIONS,
                    byUser.get(new String(e[0], StandardCharsets.UTF_8).substring(6)),
                    json);
        p.set(e[0], value);
        if (++n % spec.batchSize() == 0) {
          p.sync();
        }
      }
      p.sync();
      double s = (System.nanoTime() - start) / 1e9;
      cpuStop();
      j.flushDB();
      return s;
    }
  }

  /** SQLite has no floor in the issue; one transaction of batched inserts, for reference. */
  static double insertFloor(StoreSpec spec, List<List<Object>> recs) throws Exception {
    try (Connection c = SqliteStore.connect(spec.sqlitePath());
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS floor_recs");
      s.execute(
          "CREATE TABLE floor_recs (user_id TEXT, rank INTEGER, item_id TEXT, score REAL,"
              + " layer TEXT, model_version TEXT)");
    }
    cpuStart();
    long start = System.nanoTime();
    try (RowSink sink =
        new JdbcBatchSink(
            SqliteStore.connect(spec.sqlitePath()),
            "floor_recs",
            ServingTable.RECOMMENDATIONS,
            5000)) {
      recs.forEach(sink::add);
      sink.commit();
    }
    double wall = (System.nanoTime() - start) / 1e9;
    cpuStop();
    return wall;
  }

  static double min(double[] xs) {
    return Arrays.stream(xs).min().orElse(Double.NaN);
  }

  static double max(double[] xs) {
    return Arrays.stream(xs).max().orElse(Double.NaN);
  }

  static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }
}
