package io.cxlake.models.impact;

/**
 * A sample-ratio-mismatch check: Pearson's χ² of the arms' assignment counts against the configured
 * split. {@code flagged} means the assignment is broken and the lift untrustworthy.
 */
public record SrmResult(double chiSquare, int df, double pValue, boolean flagged) {}
