package io.cxlake.jobs.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every serving store must do, run against a real one by each subclass: publish and read back
 * exactly, advance, roll back, refuse late reruns, keep N versions, and never show a reader half a
 * version.
 */
abstract class ServingStoreContract {
  static final LocalDate D1 = LocalDate.of(2026, 11, 20);
  static final LocalDate D2 = D1.plusDays(1);
  static final LocalDate D3 = D1.plusDays(2);

  StoreSpec spec;
  ServingStore store;

  /** A spec for a fresh, empty store (own file, database or key prefix). */
  abstract StoreSpec freshSpec();

  @BeforeEach
  void open() {
    spec = freshSpec();
    store = spec.open();
  }

  @AfterEach
  void close() {
    store.close();
  }

  PublishResult publish(int keys, int tag, LocalDate day, boolean force) {
    return Publisher.publish(
        store, scores(ScoreFixtures.run(keys, tag)), day, force, spec.retainVersions());
  }

  MemoryScores scores(Map<ServingTable, List<List<Object>>> rows) {
    return new MemoryScores(rows, store, spec.parallelWrites() ? spec.maxConnections() : 1);
  }

  void assertServes(Map<ServingTable, List<List<Object>>> source) {
    for (ServingTable t : ServingTable.values()) {
      Map<String, List<List<Object>>> expected = t.byKey(source.get(t));
      for (Map.Entry<String, List<List<Object>>> e : expected.entrySet()) {
        assertThat(store.lookup(t, e.getKey()))
            .as("%s key %s", t.storeName(), e.getKey())
            .isEqualTo(e.getValue());
      }
    }
  }

  @Test
  void publishedRowsReadBackExactlyThroughThePointer() {
    PublishResult r = publish(200, 1, D1, false);
    assertThat(r.version().runDate()).isEqualTo(D1);
    assertThat(store.current()).contains(r.version());
    assertServes(ScoreFixtures.run(200, 1));
    assertThat(store.lookup(ServingTable.RECOMMENDATIONS, "no-such-user")).isEmpty();
  }

  @Test
  void republishAdvancesTheVersionAndRollbackServesThePreviousOne() {
    long v1 = publish(100, 1, D1, false).version().id();
    long v2 = publish(100, 2, D2, false).version().id();
    assertThat(v2).isGreaterThan(v1);
    assertServes(ScoreFixtures.run(100, 2));

    assertThat(store.rollback(OptionalLong.empty()).id()).isEqualTo(v1);
    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertServes(ScoreFixtures.run(100, 1));

    assertThat(store.rollback(OptionalLong.of(v2)).id()).isEqualTo(v2);
    assertServes(ScoreFixtures.run(100, 2));
  }

  @Test
  void aLateRerunIsRefusedUnlessForcedAndLeavesNothingBehind() {
    long v2 = publish(50, 2, D2, false).version().id();
    assertThatThrownBy(() -> publish(50, 1, D1, false))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("run-date " + D1)
        .hasMessageContaining("--force");
    assertThat(store.current().orElseThrow().id()).isEqualTo(v2);
    assertThat(store.versions()).extracting(Version::id).containsExactly(v2);
    assertServes(ScoreFixtures.run(50, 2));

    publish(50, 1, D1, true);
    assertServes(ScoreFixtures.run(50, 1));
  }

  @Test
  void keepsTheRetainedNumberOfVersionsAndDropsOlderOnes() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      ids.add(publish(20, i + 1, D1.plusDays(i), false).version().id());
    }
    int retain = spec.retainVersions();
    List<Long> newestFirst = new ArrayList<>(ids);
    java.util.Collections.reverse(newestFirst);
    assertThat(store.versions())
        .extracting(Version::id)
        .containsExactlyElementsOf(newestFirst.subList(0, retain));
  }

  @Test
  void aVersionThatFailsValidationIsDroppedAndTheCurrentOneStays() {
    long v1 = publish(30, 1, D1, false).version().id();
    Map<ServingTable, List<List<Object>>> rows = ScoreFixtures.run(30, 2);
    MemoryScores lossy =
        new MemoryScores(rows, store, 1) {
          @Override
          void writePartition(ServingTable t, long version, List<List<Object>> part) {
            super.writePartition(t, version, part.subList(0, part.size() - 1)); // loses a row
          }
        };
    assertThatThrownBy(() -> Publisher.publish(store, lossy, D2, false, 3))
        .isInstanceOf(PublishRefused.class)
        .hasMessageContaining("failed validation");
    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertThat(store.versions()).extracting(Version::id).containsExactly(v1);
    assertServes(ScoreFixtures.run(30, 1));
  }

  /**
   * Erasure: the forgotten users' recommendations and their orders' risk scores leave every version
   * the store holds (so a rollback cannot bring them back); every other key reads as published.
   */
  @Test
  void forgetRemovesTheKeysFromEveryHeldVersionAndNothingElse() {
    long v1 = publish(50, 1, D1, false).version().id();
    long v2 = publish(50, 2, D2, false).version().id();
    List<String> users = List.of(ScoreFixtures.user(17), ScoreFixtures.user(23));
    List<String> orders = List.of("order-17");
    Map<Long, Long> recsBefore = new java.util.HashMap<>();
    Map<Long, Long> riskBefore = new java.util.HashMap<>();
    for (long v : List.of(v1, v2)) {
      recsBefore.put(v, store.count(v, ServingTable.RECOMMENDATIONS));
      riskBefore.put(v, store.count(v, ServingTable.RETURN_RISK));
    }

    long recs = store.forget(ServingTable.RECOMMENDATIONS, users);
    long risk = store.forget(ServingTable.RETURN_RISK, orders);

    int recEntries = store.groupsByKey() ? 1 : ScoreFixtures.RECS_PER_USER;
    int riskEntries = store.groupsByKey() ? 1 : 2; // two lines per order
    assertThat(recs).isEqualTo(2L * users.size() * recEntries);
    assertThat(risk).isEqualTo(2L * riskEntries);
    for (long v : List.of(v1, v2)) {
      for (String u : users) {
        assertThat(store.lookup(v, ServingTable.RECOMMENDATIONS, u)).as("v%d %s", v, u).isEmpty();
      }
      assertThat(store.lookup(v, ServingTable.RETURN_RISK, "order-17")).isEmpty();
      assertThat(store.count(v, ServingTable.RECOMMENDATIONS))
          .isEqualTo(recsBefore.get(v) - users.size() * recEntries);
      assertThat(store.count(v, ServingTable.RETURN_RISK))
          .isEqualTo(riskBefore.get(v) - riskEntries);
    }
    int tag = 2;
    for (long v : List.of(v2, v1)) {
      if (v == v1) {
        store.rollback(OptionalLong.of(v1));
        tag = 1;
      }
      for (int u = 0; u < 50; u++) {
        List<List<Object>> got = store.lookup(ServingTable.RECOMMENDATIONS, ScoreFixtures.user(u));
        if (u == 17 || u == 23) {
          assertThat(got).isEmpty();
        } else {
          assertThat(got).isEqualTo(ScoreFixtures.recommendationsOf(u, tag));
        }
      }
    }
    assertThat(store.forget(ServingTable.RECOMMENDATIONS, users)).as("a second forget").isZero();
  }

  /**
   * Readers loop over lookups while a 100k-user version is published over the current one: every
   * read must be exactly one version's rows for that user, and once a reader saw the new version it
   * never sees the old one again.
   */
  @Test
  void readersNeverSeeAMixOfVersionsDuringAPublish() throws Exception {
    int users = 100_000;
    publish(users, 1, D1, false);
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong reads = new AtomicLong();
    AtomicLong newReads = new AtomicLong();
    ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    List<Thread> readers = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      Thread t =
          new Thread(
              () -> {
                try (ServingStore reader = spec.open()) {
                  boolean sawNew = false;
                  while (!stop.get()) {
                    int u = ThreadLocalRandom.current().nextInt(users);
                    List<List<Object>> got =
                        reader.lookup(ServingTable.RECOMMENDATIONS, ScoreFixtures.user(u));
                    reads.incrementAndGet();
                    if (got.equals(ScoreFixtures.recommendationsOf(u, 2))) {
                      sawNew = true;
                      newReads.incrementAndGet();
                    } else if (!got.equals(ScoreFixtures.recommendationsOf(u, 1)) || sawNew) {
                      problems.add("user " + u + " read " + got + (sawNew ? " after new" : ""));
                    }
                  }
                } catch (RuntimeException e) {
                  problems.add(e.toString());
                }
              });
      t.start();
      readers.add(t);
    }
    Thread.sleep(200);
    long before = reads.get();
    publish(users, 2, D2, false);
    long during = reads.get() - before;
    Thread.sleep(300);
    stop.set(true);
    for (Thread t : readers) {
      t.join();
    }
    System.out.printf(
        "%s: %,d reads while a %,d-user version was published, %,d reads in all, %,d of the new"
            + " version%n",
        spec.type(), during, users, reads.get(), newReads.get());
    assertThat(problems).as("reads that were not one whole version").isEmpty();
    assertThat(during).as("reads while publishing").isGreaterThan(100);
    assertThat(newReads.get()).as("reads of the new version").isPositive();
  }

  /**
   * A publish killed (SIGKILL) after committing part of its version and while writing more: the
   * current version keeps serving, the partial one is invisible, and the rerun succeeds and clears
   * it away.
   */
  @Test
  void aPublishKilledMidwayLeavesTheCurrentVersionServingAndTheRerunSucceeds() throws Exception {
    long v1 = publish(1000, 1, D1, false).version().id();
    Process child =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                KilledPublish.class.getName(),
                spec.type(),
                orDash(spec.sqlitePath()),
                orDash(spec.postgresUrl()),
                String.valueOf(spec.redisPort()),
                orDash(spec.redisPrefix()),
                D2.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = out.readLine()) != null && !line.equals("MIDWAY")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("child output:\n%s", seen).isEqualTo("MIDWAY");
      child.destroyForcibly();
      child.waitFor();
    }

    assertThat(store.current().orElseThrow().id()).isEqualTo(v1);
    assertThat(store.versions())
        .as("the killed publish's version exists, unpublished")
        .anyMatch(v -> !v.published() && v.id() > v1);
    assertServes(ScoreFixtures.run(1000, 1));

    PublishResult rerun = publish(1000, 2, D2, false);
    assertThat(rerun.version().id()).isGreaterThan(v1);
    assertServes(ScoreFixtures.run(1000, 2));
    assertThat(store.versions()).allMatch(Version::published);
  }

  private static String orDash(String s) {
    return s == null ? "-" : s;
  }
}
