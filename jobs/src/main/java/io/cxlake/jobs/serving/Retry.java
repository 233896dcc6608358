package io.cxlake.jobs.serving;

import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Connects to a store, retrying with doubling backoff; gives up naming the store and the cause. */
final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);

  private Retry() {}

  static <T> T connect(String store, int attempts, long backoffMs, Callable<T> connect) {
    Exception last = null;
    long wait = backoffMs;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return connect.call();
      } catch (Exception e) {
        last = e;
        LOG.warn("cannot reach {} (attempt {} of {}): {}", store, attempt, attempts, e.toString());
        if (attempt < attempts) {
          sleep(wait);
          wait *= 2;
        }
      }
    }
    throw new StoreUnavailable(
        "cannot reach the serving store: "
            + store
            + " could not be used after "
            + attempts
            + " attempt(s) ("
            + last.getMessage()
            + "); the current version is untouched",
        last);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ServingException("interrupted while waiting to retry", e);
    }
  }
}
