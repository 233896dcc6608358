package io.cxlake.models.intents;

/** Where a ticket goes, and why: the values of the {@code route} and {@code reason} columns. */
public record Route(String route, String reason) implements java.io.Serializable {
  public static final String AUTOMATE = "automate";
  public static final String PERSON = "person";

  /** Confidence at or above the intent's threshold. */
  public static final Route CONFIDENT = new Route(AUTOMATE, "confident");

  /** No words at all: nothing to classify. */
  public static final Route EMPTY_TEXT = new Route(PERSON, "empty_text");

  /** Most words never seen in training: another language or gibberish. */
  public static final Route UNSEEN_LANGUAGE = new Route(PERSON, "unseen_language");

  /** No model could be trained (no tagged tickets in the window). */
  public static final Route NO_MODEL = new Route(PERSON, "no_model");

  /** The intent is configured as human-only (complaints, ...). */
  public static final Route HUMAN_ONLY = new Route(PERSON, "human_only_intent");

  /** No threshold reached the precision target on validation: the intent is never automated. */
  public static final Route NO_THRESHOLD = new Route(PERSON, "no_threshold_meets_target");

  /** Confidence below the intent's threshold. */
  public static final Route LOW_CONFIDENCE = new Route(PERSON, "low_confidence");
}
