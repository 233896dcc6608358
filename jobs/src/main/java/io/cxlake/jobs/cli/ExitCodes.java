package io.cxlake.jobs.cli;

/** Exit codes a scheduler can act on; documented in the README. */
public final class ExitCodes {
  /** Everything asked for ran and succeeded. */
  public static final int OK = 0;

  /** A step failed; the lake was left as it was before that step. Retry after fixing the cause. */
  public static final int STEP_FAILED = 1;

  /** Bad arguments or configuration; nothing ran. Fix the command or the conf file. */
  public static final int BAD_CONFIG = 2;

  /** A data-quality, drift or model gate blocked publishing; the serving store is unchanged. */
  public static final int GATE_BLOCKED = 3;

  /** Another run holds the lock for this date; nothing was touched. */
  public static final int LOCKED = 4;

  private ExitCodes() {}
}
