package io.cxlake.jobs.bench;

import io.cxlake.jobs.Main;
import io.cxlake.jobs.serving.TestServers;
import io.cxlake.lake.config.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code bench} with real PostgreSQL and Redis servers started here on 127.0.0.1 (the embedded
 * ones the tests use), so that publish is raced against both floors. Arguments are bench's own; see
 * BENCHMARKS.md for the command.
 */
public final class BenchWithServers {
  private BenchWithServers() {}

  public static void main(String[] args) {
    List<String> a = new ArrayList<>(List.of("bench"));
    a.addAll(List.of(args));
    a.addAll(servers());
    System.exit(Main.run(Secrets.fromEnvironment(), a.toArray(String[]::new)));
  }

  /** The --set options that point the serving settings at the servers. */
  static List<String> servers() {
    return List.of(
        "--set",
        "serving.postgres.url=" + TestServers.newPostgresDatabase(),
        "--set",
        "serving.postgres.user=postgres",
        "--set",
        "serving.redis.host=127.0.0.1",
        "--set",
        "serving.redis.port=" + TestServers.redisPort());
  }
}
