package io.cxlake.jobs.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts: JFreeChart draws them, JFreeSVG records the drawing as an inline {@code
 * <svg>} element (text stays text, so labels from the lake are XML-escaped by JFreeSVG). Runs in
 * headless AWT: no display is needed on a cluster driver.
 */
final class Charts {
  static {
    System.setProperty("java.awt.headless", "true");
    // Flat bars: gradients and shadows only add ink.
    BarRenderer.setDefaultBarPainter(new StandardBarPainter());
    BarRenderer.setDefaultShadowsVisible(false);
  }

  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
  private static final Color BLUE = new Color(0x1f, 0x6f, 0xb2);
  private static final Color ORANGE = new Color(0xe0, 0x7b, 0x1a);
  private static final Color GREY = new Color(0x99, 0x99, 0x99);

  // Each SVG's gradients and clip paths get ids unique in the page.
  private static final AtomicInteger NEXT_ID = new AtomicInteger();

  private Charts() {}

  /** One row of a forest plot: a label, the estimate and its interval (nulls are left out). */
  record Interval(String label, Double estimate, Double low, Double high) {
    boolean complete() {
      return estimate != null && low != null && high != null;
    }
  }

  /** A named series of (x, y) points. */
  record Series(String name, List<double[]> points) {}

  /**
   * A horizontal forest plot: one row per interval, its 95% interval as a bar and the estimate as a
   * dot, with a line at zero (no effect).
   */
  static String forest(String title, String axis, List<Interval> rows) {
    List<Interval> r = rows.stream().filter(Interval::complete).toList();
    String[] keys = r.stream().map(Interval::label).toArray(String[]::new);
    Number[][] lows = {r.stream().map(Interval::low).toArray(Number[]::new)};
    Number[][] highs = {r.stream().map(Interval::high).toArray(Number[]::new)};
    DefaultIntervalCategoryDataset ci =
        new DefaultIntervalCategoryDataset(new String[] {"95% interval"}, keys, lows, highs);
    DefaultCategoryDataset est = new DefaultCategoryDataset();
    r.forEach(i -> est.addValue(i.estimate(), "estimate", i.label()));

    IntervalBarRenderer bars = new IntervalBarRenderer();
    bars.setSeriesPaint(0, new Color(0x9e, 0xc5, 0xe8));
    bars.setMaximumBarWidth(0.12);
    bars.setShadowVisible(false);
    bars.setDrawBarOutline(false);
    LineAndShapeRenderer dots = new LineAndShapeRenderer(false, true);
    dots.setSeriesPaint(0, BLUE);
    NumberAxis value = new NumberAxis(axis);
    value.setAutoRangeIncludesZero(true);
    CategoryPlot plot = new CategoryPlot(ci, new CategoryAxis(), value, bars);
    plot.setDataset(1, est);
    plot.setRenderer(1, dots);
    plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.addRangeMarker(new ValueMarker(0, INK, new BasicStroke(1.2f)));
    JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    return svg(chart, 900, 120 + 34 * Math.max(1, r.size()));
  }

  /** Grouped bars: one group per category, one bar per series (values in row order). */
  static String bars(String title, String axis, Map<String, Map<String, Double>> bySeries) {
    DefaultCategoryDataset d = new DefaultCategoryDataset();
    bySeries.forEach(
        (series, values) -> values.forEach((category, v) -> d.addValue(v, series, category)));
    JFreeChart chart = ChartFactory.createBarChart(title, null, axis, d);
    return svg(chart, 900, 380);
  }

  /** Lines through (x, y) points on [0, 1] × [0, 1], with the diagonal dashed for reference. */
  static String unitCurves(String title, String x, String y, List<Series> series, String diagonal) {
    XYSeriesCollection d = new XYSeriesCollection();
    for (Series s : series) {
      XYSeries xy = new XYSeries(s.name(), false, true);
      s.points().forEach(p -> xy.add(p[0], p[1]));
      d.addSeries(xy);
    }
    XYSeries diag = new XYSeries(diagonal);
    diag.add(0, 0);
    diag.add(1, 1);
    d.addSeries(diag);
    JFreeChart chart =
        ChartFactory.createXYLineChart(
            title, x, y, d, PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
    Color[] colors = {BLUE, ORANGE};
    for (int i = 0; i < series.size(); i++) {
      r.setSeriesPaint(i, colors[i % colors.length]);
      r.setSeriesShapesVisible(i, series.get(i).points().size() <= 30);
    }
    int last = series.size();
    r.setSeriesPaint(last, GREY);
    r.setSeriesShapesVisible(last, false);
    r.setSeriesStroke(
        last,
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
    plot.setRenderer(r);
    ((NumberAxis) plot.getDomainAxis()).setRange(0, 1);
    ((NumberAxis) plot.getRangeAxis()).setRange(0, 1);
    return svg(chart, 440, 400);
  }

  /**
   * A small daily trend: one value per date (null dates are gaps); a share is labelled in percent.
   * Ticks are whole days, at most about eight of them.
   */
  static String trend(String title, Map<LocalDate, Double> values, boolean share) {
    TimeSeries s = new TimeSeries(title);
    values.forEach(
        (d, v) -> {
          if (v != null) {
            s.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), v);
          }
        });
    JFreeChart chart =
        ChartFactory.createTimeSeriesChart(
            title, null, null, new TimeSeriesCollection(s), false, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, values.size() <= 31);
    r.setSeriesPaint(0, BLUE);
    plot.setRenderer(r);
    DateAxis x = (DateAxis) plot.getDomainAxis();
    x.setTimeZone(TimeZone.getTimeZone("UTC"));
    x.setTickUnit(
        new DateTickUnit(DateTickUnitType.DAY, Math.max(1, values.size() / 8)), false, true);
    SimpleDateFormat ticks = new SimpleDateFormat("MMM d", Locale.ROOT);
    ticks.setTimeZone(TimeZone.getTimeZone("UTC"));
    x.setDateFormatOverride(ticks);
    NumberAxis y = (NumberAxis) plot.getRangeAxis();
    y.setAutoRangeIncludesZero(false);
    if (share) {
      y.setNumberFormatOverride(
          new DecimalFormat("0.#%", DecimalFormatSymbols.getInstance(Locale.ROOT)));
      // A flat line would otherwise zoom into rounding noise.
      y.setAutoRangeMinimumSize(0.02);
    } else {
      y.setAutoRangeMinimumSize(1);
    }
    return svg(chart, 440, 260);
  }

  /** The chart drawn into an SVG element, in the report's plain style. */
  private static String svg(JFreeChart chart, int width, int height) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font("SansSerif", Font.BOLD, 14));
    chart.getTitle().setPaint(INK);
    if (chart.getPlot() instanceof XYPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setDomainGridlinePaint(GRID);
      p.setRangeGridlinePaint(GRID);
    } else if (chart.getPlot() instanceof CategoryPlot p) {
      p.setBackgroundPaint(Color.WHITE);
      p.setRangeGridlinePaint(GRID);
    }
    SVGGraphics2D g2 = new SVGGraphics2D(width, height);
    g2.setDefsKeyPrefix("c" + NEXT_ID.incrementAndGet() + "-");
    chart.draw(g2, new Rectangle(0, 0, width, height));
    // A viewBox lets the page scale the chart down to a narrow screen.
    return g2.getSVGElement(null, true, new ViewBox(0, 0, width, height), null, null);
  }
}
