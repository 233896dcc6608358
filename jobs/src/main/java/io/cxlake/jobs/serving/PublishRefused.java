package io.cxlake.jobs.serving;

/**
 * Publishing was refused before anything was written or flipped: a late rerun of an older run-date
 * without --force, or a version that failed validation.
 */
public final class PublishRefused extends ServingException {
  public PublishRefused(String message) {
    super(message);
  }
}
