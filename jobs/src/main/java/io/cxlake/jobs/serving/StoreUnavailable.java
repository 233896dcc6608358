package io.cxlake.jobs.serving;

/** The store did not answer after every configured attempt. The current version is untouched. */
public final class StoreUnavailable extends ServingException {
  public StoreUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}
