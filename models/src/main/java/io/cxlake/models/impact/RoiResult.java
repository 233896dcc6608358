package io.cxlake.models.impact;

/**
 * One automation's return over a window, scaled to the eligible population.
 *
 * @param grossProfitPerUser incremental gross profit per eligible user
 * @param incrementalGrossProfit grossProfitPerUser × eligible users
 * @param incrementalGrossProfitSe its standard error, from the lifts' standard errors
 * @param operatingCost the window's operating cost
 * @param netBenefit incremental gross profit − operating cost
 * @param roi net benefit / operating cost
 * @param roiSe standard error of the ROI
 * @param roiCi 95% interval of the ROI
 * @param pRoiPositive P(ROI &gt; 0) under the normal approximation of the lifts
 * @param paybackDays days of incremental gross profit that pay the window's operating cost;
 *     infinite when the automation earns nothing
 */
public record RoiResult(
    double grossProfitPerUser,
    double incrementalGrossProfit,
    double incrementalGrossProfitSe,
    double operatingCost,
    double netBenefit,
    double roi,
    double roiSe,
    Interval roiCi,
    double pRoiPositive,
    double paybackDays) {}
