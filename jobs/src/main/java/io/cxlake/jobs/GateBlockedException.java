package io.cxlake.jobs;

/** A gate (data quality, drift, model) stopped the run before it published; exit code 3. */
public final class GateBlockedException extends RuntimeException {
  public GateBlockedException(String message) {
    super(message);
  }
}
