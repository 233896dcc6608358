/**
 * Impact and ROI statistics: plain Java over per-arm sufficient statistics ({@link
 * io.cxlake.models.impact.ArmSums}, {@link io.cxlake.models.impact.RatioArmSums}) that Spark
 * computes in one pass, so every formula is tested in milliseconds without a SparkSession.
 *
 * <ul>
 *   <li>{@link io.cxlake.models.impact.WelchLift}: difference of means and relative lift;
 *   <li>{@link io.cxlake.models.impact.RatioLift}: ratio metrics such as AOV (delta method);
 *   <li>{@link io.cxlake.models.impact.Cuped}: variance reduction with a pre-period covariate;
 *   <li>{@link io.cxlake.models.impact.SampleRatioMismatch}: is the assignment split as configured;
 *   <li>{@link io.cxlake.models.impact.MultipleTesting}: Benjamini–Hochberg and Holm;
 *   <li>{@link io.cxlake.models.impact.BeforeAfter}: the naive estimate shown beside the holdout;
 *   <li>{@link io.cxlake.models.impact.Roi}: incremental gross profit, ROI with its interval.
 * </ul>
 */
package io.cxlake.models.impact;
