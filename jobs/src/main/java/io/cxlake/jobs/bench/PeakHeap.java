package io.cxlake.jobs.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The driver's peak live heap over a stretch of work: the largest heap in use right after a major
 * (full) collection in it — what survives one is what the driver holds; after a minor collection
 * the old generation still holds garbage. A stretch without a major collection gets one at its end,
 * outside its timing, and reports what survives it: then a lower bound of the peak.
 */
final class PeakHeap implements AutoCloseable {
  private final AtomicLong peak = new AtomicLong();
  private final List<NotificationEmitter> emitters = new ArrayList<>();
  private final NotificationListener listener = this::onGc;

  PeakHeap() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter e) {
        e.addNotificationListener(listener, null, null);
        emitters.add(e);
      }
    }
  }

  /** Starts a new stretch. */
  void reset() {
    peak.set(0);
  }

  /** The stretch's peak live heap in bytes. */
  long peak() {
    long p = peak.get();
    if (p > 0) {
      return p;
    }
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private void onGc(Notification n, Object handback) {
    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
      return;
    }
    GarbageCollectionNotificationInfo info =
        GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
    if (!info.getGcAction().contains("major")) {
      return;
    }
    long used =
        info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
            .filter(e -> isHeapPool(e.getKey()))
            .mapToLong(e -> e.getValue().getUsed())
            .sum();
    peak.accumulateAndGet(used, Math::max);
  }

  private static boolean isHeapPool(String pool) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .anyMatch(
            p -> p.getName().equals(pool) && p.getType() == java.lang.management.MemoryType.HEAP);
  }

  @Override
  public void close() {
    for (NotificationEmitter e : emitters) {
      try {
        e.removeNotificationListener(listener);
      } catch (ListenerNotFoundException ignored) {
        // already gone
      }
    }
  }
}
