package io.cxlake.jobs.serving;

import java.time.LocalDate;
import java.util.List;

/**
 * A publish that a test kills: run in its own JVM, it writes part of a new version (one committed
 * partition, one in flight), prints MIDWAY, and waits to be killed with SIGKILL.
 *
 * <p>Arguments: type sqlitePath|- postgresUrl|- redisPort prefix|- runDate.
 */
public final class KilledPublish {
  public static void main(String[] args) throws Exception {
    StoreSpec spec =
        TestServers.spec(
            args[0], arg(args[1]), arg(args[2]), Integer.parseInt(args[3]), arg(args[4]), 3);
    ServingStore store = spec.open();
    MemoryScores scores =
        new MemoryScores(ScoreFixtures.run(1000, 9), store, 1) {
          @Override
          void writePartition(ServingTable t, long version, List<List<Object>> part) {
            if (t != ServingTable.RECOMMENDATIONS) {
              super.writePartition(t, version, part);
              return;
            }
            int half = part.size() / 2;
            super.writePartition(t, version, part.subList(0, half));
            RowSink inFlight = store.sink(version, t);
            part.subList(half, half + half / 2).forEach(inFlight::add);
            System.out.println("MIDWAY");
            System.out.flush();
            sleepForever();
          }
        };
    Publisher.publish(store, scores, LocalDate.parse(args[5]), false, 3);
    System.out.println("FINISHED"); // never reached: the test kills this JVM at MIDWAY
  }

  private static String arg(String a) {
    return a.equals("-") ? null : a;
  }

  private static void sleepForever() {
    try {
      Thread.sleep(Long.MAX_VALUE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
