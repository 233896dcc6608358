package io.cxlake.jobs.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;

/**
 * Redis serving store. Keys (prefix {@code p}, default "cx"):
 *
 * <ul>
 *   <li>{@code p:current} — string, the current version id: the pointer;
 *   <li>{@code p:versions} — hash, version id → JSON {run_date, status, created_at};
 *   <li>{@code p:seq} — the last version id handed out;
 *   <li>{@code p:v<V>:<table>} — hash, lookup key → that key's rows as JSON ({@link
 *       RowJson#encodeGroup}).
 * </ul>
 *
 * A reader GETs the pointer, then HGETs its key in that version's hash. The flip is one MULTI/EXEC
 * (guarded by WATCH on the pointer). Old versions are kept for retain-versions ≥ 2, so a reader
 * that read the pointer just before a flip still finds its version.
 */
final class RedisStore implements ServingStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Jedis jedis;
  private final String prefix;
  private final String describe;
  private final Supplier<Jedis> connect;
  private final int batchSize;

  RedisStore(Jedis jedis, String prefix, String describe, Supplier<Jedis> connect, int batchSize) {
    this.jedis = jedis;
    this.prefix = prefix;
    this.describe = describe;
    this.connect = connect;
    this.batchSize = batchSize;
  }

  String pointerKey() {
    return prefix + ":current";
  }

  String versionsKey() {
    return prefix + ":versions";
  }

  String dataKey(long version, ServingTable t) {
    return dataKey(prefix, version, t);
  }

  static String dataKey(String prefix, long version, ServingTable t) {
    return prefix + ":v" + version + ":" + t.storeName();
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public boolean groupsByKey() {
    return true;
  }

  @Override
  public Optional<Version> current() {
    String id = jedis.get(pointerKey());
    if (id == null) {
      return Optional.empty();
    }
    String meta = jedis.hget(versionsKey(), id);
    return meta == null ? Optional.empty() : Optional.of(parse(Long.parseLong(id), meta));
  }

  @Override
  public List<Version> versions() {
    List<Version> out = new ArrayList<>();
    for (Map.Entry<String, String> e : jedis.hgetAll(versionsKey()).entrySet()) {
      out.add(parse(Long.parseLong(e.getKey()), e.getValue()));
    }
    out.sort(Comparator.comparingLong(Version::id).reversed());
    return out;
  }

  @Override
  public Version begin(LocalDate runDate) {
    for (Version v : versions()) {
      if (!v.published()) {
        abandon(v.id()); // left by a publish that was killed before its flip
      }
    }
    long id = jedis.incr(prefix + ":seq");
    Version v = new Version(id, runDate, Version.WRITING, Instant.now());
    jedis.hset(versionsKey(), String.valueOf(id), meta(v));
    return v;
  }

  @Override
  public RowSink sink(long version, ServingTable table) {
    return new RedisHashSink(connect.get(), dataKey(version, table), table, batchSize);
  }

  @Override
  public long count(long version, ServingTable t) {
    return jedis.hlen(dataKey(version, t));
  }

  @Override
  public List<List<Object>> lookup(long version, ServingTable t, String key) {
    String json = jedis.hget(dataKey(version, t), key);
    return json == null ? List.of() : RowJson.decodeGroup(t, key, json);
  }

  @Override
  public List<List<Object>> lookup(ServingTable t, String key) {
    String id = jedis.get(pointerKey());
    if (id == null) {
      throw new ServingException(describe + " has no published version yet");
    }
    return lookup(Long.parseLong(id), t, key);
  }

  @Override
  public void flip(long version, boolean force) {
    jedis.watch(pointerKey());
    try {
      Version target = find(version);
      VersionRules.checkNotLate(current(), target, force);
      Version published =
          new Version(target.id(), target.runDate(), Version.PUBLISHED, target.createdAt());
      exec(version, published);
    } finally {
      jedis.unwatch();
    }
  }

  @Override
  public Version rollback(OptionalLong to) {
    jedis.watch(pointerKey());
    try {
      Version cur =
          current().orElseThrow(() -> new ServingException(describe + " has no published version"));
      Version target = VersionRules.rollbackTarget(versions(), cur, to);
      exec(target.id(), target);
      return target;
    } finally {
      jedis.unwatch();
    }
  }

  /** Pointer and version status in one MULTI/EXEC; fails if the pointer moved since WATCH. */
  private void exec(long version, Version meta) {
    Transaction tx = jedis.multi();
    tx.set(pointerKey(), String.valueOf(version));
    tx.hset(versionsKey(), String.valueOf(version), meta(meta));
    List<Object> result = tx.exec();
    if (result == null || result.isEmpty()) {
      throw new ServingException(
          describe + ": the current version changed during the flip (another publisher?)");
    }
  }

  private Version find(long id) {
    String meta = jedis.hget(versionsKey(), String.valueOf(id));
    if (meta == null) {
      throw new ServingException(describe + " has no version " + id);
    }
    return parse(id, meta);
  }

  @Override
  public long forget(ServingTable t, Collection<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    String[] fields = keys.toArray(String[]::new);
    long removed = 0;
    for (Version v : versions()) {
      removed += jedis.hdel(dataKey(v.id(), t), fields);
    }
    return removed;
  }

  @Override
  public void abandon(long version) {
    if (current().map(v -> v.id() == version).orElse(false)) {
      throw new ServingException("version " + version + " is current; it cannot be dropped");
    }
    String[] keys =
        java.util.Arrays.stream(ServingTable.values())
            .map(t -> dataKey(version, t))
            .toArray(String[]::new);
    jedis.unlink(keys); // frees the hashes in the background: no pause for readers
    jedis.hdel(versionsKey(), String.valueOf(version));
  }

  @Override
  public void close() {
    jedis.close();
  }

  private static String meta(Version v) {
    ObjectNode o = JSON.createObjectNode();
    o.put("run_date", v.runDate().toString());
    o.put("status", v.status());
    o.put("created_at", v.createdAt().toString());
    return o.toString();
  }

  private static Version parse(long id, String meta) {
    try {
      JsonNode o = JSON.readTree(meta);
      return new Version(
          id,
          LocalDate.parse(o.get("run_date").asText()),
          o.get("status").asText(),
          Instant.parse(o.get("created_at").asText()));
    } catch (Exception e) {
      throw new ServingException("unreadable version " + id + " metadata: " + meta, e);
    }
  }
}
