package io.cxlake.models.returnrisk;

/**
 * One fitted coefficient: a numeric term (level null) or one level of a categorical term, with its
 * training mean (the value an unknown input is scored as) and its logistic coefficient.
 */
public record ModelTerm(String term, String level, double mean, double coefficient) {}
