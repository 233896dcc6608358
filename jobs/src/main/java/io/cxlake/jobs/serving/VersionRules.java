package io.cxlake.jobs.serving;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The version decisions every store makes alike: late-rerun guard, rollback target, pruning. */
public final class VersionRules {
  private VersionRules() {}

  /** Refuses a flip to a version of an earlier run-date than the current one's, unless forced. */
  public static void checkNotLate(Optional<Version> current, Version target, boolean force) {
    if (force || current.isEmpty()) {
      return;
    }
    Version cur = current.get();
    if (target.runDate().isBefore(cur.runDate())) {
      throw new PublishRefused(
          "refusing to publish run-date "
              + target.runDate()
              + ": the current version "
              + cur.id()
              + " holds the later run-date "
              + cur.runDate()
              + " (a late rerun must not overwrite newer scores; --force to do it anyway)");
    }
  }

  /** The version a rollback points to: {@code to}, or the newest published one before current. */
  public static Version rollbackTarget(List<Version> versions, Version current, OptionalLong to) {
    if (to.isPresent()) {
      return versions.stream()
          .filter(v -> v.id() == to.getAsLong() && v.published())
          .findFirst()
          .orElseThrow(
              () ->
                  new ServingException(
                      "version "
                          + to.getAsLong()
                          + " is not a published version this store still holds; it holds "
                          + ids(versions)));
    }
    return versions.stream()
        .filter(v -> v.published() && v.id() < current.id())
        .max((a, b) -> Long.compare(a.id(), b.id()))
        .orElseThrow(
            () ->
                new ServingException(
                    "no published version older than the current "
                        + current.id()
                        + " to roll back to; the store holds "
                        + ids(versions)));
  }

  /**
   * The published versions to drop so that {@code retain} remain: the current one always stays,
   * then the newest others.
   */
  public static List<Long> toDrop(List<Version> versions, long current, int retain) {
    List<Long> keep = new ArrayList<>(List.of(current));
    List<Long> drop = new ArrayList<>();
    versions.stream()
        .filter(Version::published)
        .sorted((a, b) -> Long.compare(b.id(), a.id()))
        .forEach(
            v -> {
              if (keep.contains(v.id())) {
                return;
              }
              if (keep.size() < retain) {
                keep.add(v.id());
              } else {
                drop.add(v.id());
              }
            });
    return drop;
  }

  private static List<Long> ids(List<Version> versions) {
    return versions.stream().filter(Version::published).map(Version::id).toList();
  }
}
