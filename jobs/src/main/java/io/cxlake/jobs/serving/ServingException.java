package io.cxlake.jobs.serving;

/** A serving-store operation failed; the message says which store and what to do. */
public class ServingException extends RuntimeException {
  public ServingException(String message) {
    super(message);
  }

  public ServingException(String message, Throwable cause) {
    super(message, cause);
  }
}
