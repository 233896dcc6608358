package io.cxlake.models.measure;

import io.cxlake.models.impact.RoiInputs;
import io.cxlake.models.impact.RoiResult;

/** One row of the {@code roi} table before it becomes a Spark row. */
public record RoiRow(
    AnalysisWindow window,
    long eligibleUsers,
    RoiInputs inputs,
    RoiResult result,
    String costSource,
    boolean srmFlag) {}
