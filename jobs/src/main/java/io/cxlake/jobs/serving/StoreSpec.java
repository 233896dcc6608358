package io.cxlake.jobs.serving;

import io.cxlake.lake.config.CxConfig;
import io.cxlake.lake.config.Secrets;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;

/**
 * Everything needed to open the configured store, on the driver or on an executor (it is serialized
 * into the publish tasks, password included, since executors may not have the driver's
 * environment). {@link #toString} never shows the password.
 */
public record StoreSpec(
    String type,
    String sqlitePath,
    String postgresUrl,
    String postgresUser,
    String postgresPassword,
    String redisHost,
    int redisPort,
    String redisPrefix,
    String redisPassword,
    int batchSize,
    int connectAttempts,
    int retryBackoffMs,
    int maxConnections,
    int retainVersions)
    implements Serializable {

  /** The configured store, or {@code storeOverride} if given; passwords from the environment. */
  public static StoreSpec of(CxConfig.ServingSettings s, Secrets secrets, String storeOverride) {
    String type = storeOverride != null ? storeOverride : s.store();
    String pgEnv = s.postgres().passwordEnv();
    String redisEnv = s.redis().passwordEnv();
    return new StoreSpec(
        type,
        s.sqlitePath(),
        s.postgres().url(),
        s.postgres().user(),
        secrets.isSet(pgEnv) ? secrets.require(pgEnv, "serving.postgres.password-env") : null,
        s.redis().host(),
        s.redis().port(),
        s.redis().keyPrefix(),
        secrets.isSet(redisEnv) ? secrets.require(redisEnv, "serving.redis.password-env") : null,
        s.batchSize(),
        s.connectAttempts(),
        s.retryBackoffMs(),
        s.maxConnections(),
        s.retainVersions());
  }

  /** Where the store is, for messages: never the password. */
  public String describe() {
    return switch (type) {
      case "sqlite" -> "sqlite at " + sqlitePath;
      case "postgres" -> "postgres at " + hostPort(postgresUrl);
      case "redis" -> "redis at " + redisHost + ":" + redisPort;
      default -> throw new IllegalArgumentException("unknown serving store type '" + type + "'");
    };
  }

  /** Opens the store (connecting with retries) and creates its metadata if missing. */
  public ServingStore open() {
    return switch (type) {
      case "sqlite" -> SqliteStore.open(sqlitePath, batchSize);
      case "postgres" -> new PostgresStore(postgres(), describe(), this::postgres, batchSize);
      case "redis" -> new RedisStore(redis(), redisPrefix, describe(), this::redis, batchSize);
      default -> throw new IllegalArgumentException("unknown serving store type '" + type + "'");
    };
  }

  /**
   * A sink on its own connection, without opening the store: what each executor task uses, so a
   * publish holds at most max-connections writing connections.
   */
  public RowSink sink(long version, ServingTable t) {
    return switch (type) {
      case "sqlite" ->
          new JdbcBatchSink(
              SqliteStore.connect(sqlitePath), SqlStore.table(version, t), t, batchSize);
      case "postgres" -> PartitionSink.open(postgres(), SqlStore.table(version, t), t, batchSize);
      case "redis" ->
          new RedisHashSink(redis(), RedisStore.dataKey(redisPrefix, version, t), t, batchSize);
      default -> throw new IllegalArgumentException("unknown serving store type '" + type + "'");
    };
  }

  /** Whether several connections may write one version at once (not SQLite: one writer). */
  public boolean parallelWrites() {
    return !type.equals("sqlite");
  }

  Connection postgres() {
    return Retry.connect(
        describe(),
        connectAttempts,
        retryBackoffMs,
        () -> {
          Properties p = new Properties();
          p.setProperty("user", postgresUser);
          if (postgresPassword != null) {
            p.setProperty("password", postgresPassword);
          }
          p.setProperty("connectTimeout", "10");
          return DriverManager.getConnection(postgresUrl, p);
        });
  }

  Jedis redis() {
    return Retry.connect(
        describe(),
        connectAttempts,
        retryBackoffMs,
        () -> {
          DefaultJedisClientConfig.Builder c =
              DefaultJedisClientConfig.builder()
                  .connectionTimeoutMillis(10_000)
                  .socketTimeoutMillis(60_000);
          if (redisPassword != null) {
            c.password(redisPassword);
          }
          Jedis j = new Jedis(new HostAndPort(redisHost, redisPort), c.build());
          j.ping(); // connects now, so a down server fails here and is retried
          return j;
        });
  }

  private static String hostPort(String jdbcUrl) {
    Matcher m = Pattern.compile("//([^/?]+)").matcher(jdbcUrl);
    return m.find() ? m.group(1) : jdbcUrl;
  }

  @Override
  public String toString() {
    return "StoreSpec[" + describe() + "]";
  }
}
