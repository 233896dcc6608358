package io.cxlake.jobs.serving;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;

/**
 * Writes one version's hash for a table: consecutive rows with the same key become one field whose
 * value is their JSON array, so rows must arrive grouped by key (the Spark side sorts each
 * partition). Fields go out as multi-field HSETs, pipelined; the pipeline is synced every {@code
 * batchSize} fields so memory stays bounded. HSET overwrites, so a retried task writes the same
 * hash again.
 */
final class RedisHashSink implements RowSink {
  private static final int FIELDS_PER_HSET = 500;

  private final Jedis jedis;
  private final ServingTable table;
  private final int batchSize;
  private final Pipeline pipeline;
  private Map<byte[], byte[]> fields = new HashMap<>();
  private final byte[] dataKeyBytes;
  private final JsonBytes json = new JsonBytes();
  private int unsynced;
  private String groupKey;
  private final List<List<Object>> group = new ArrayList<>();

  RedisHashSink(Jedis jedis, String dataKey, ServingTable table, int batchSize) {
    this.jedis = jedis;
    this.dataKeyBytes = dataKey.getBytes(StandardCharsets.UTF_8);
    this.table = table;
    this.batchSize = batchSize;
    this.pipeline = jedis.pipelined();
  }

  @Override
  public void add(List<Object> row) {
    String key = (String) row.get(table.keyIndex());
    if (!Objects.equals(key, groupKey)) {
      endGroup();
      groupKey = key;
    }
    group.add(row);
  }

  private void endGroup() {
    if (group.isEmpty()) {
      return;
    }
    int order = table.orderIndex();
    group.sort((a, b) -> compare(a.get(order), b.get(order)));
    fields.put(groupKey.getBytes(StandardCharsets.UTF_8), RowJson.encodeGroup(table, group, json));
    group.clear();
    if (fields.size() >= FIELDS_PER_HSET) {
      send();
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    return ((Comparable) a).compareTo(b);
  }

  private void send() {
    if (fields.isEmpty()) {
      return;
    }
    pipeline.hset(dataKeyBytes, fields);
    unsynced += fields.size();
    fields = new HashMap<>();
    if (unsynced >= batchSize) {
      pipeline.sync();
      unsynced = 0;
    }
  }

  @Override
  public void commit() {
    endGroup();
    send();
    pipeline.sync();
  }

  @Override
  public void close() {
    // Uncommitted fields are in a version no reader resolves; begin() or abandon() removes them.
    jedis.close();
  }
}
