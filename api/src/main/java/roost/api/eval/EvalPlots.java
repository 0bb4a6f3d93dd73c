package roost.api.eval;

import it.unimi.dsi.fastutil.doubles.DoubleArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** PNG plots of an evaluation (XChart): recall@K curves per method, and each method's score distribution. */
public final class EvalPlots {
    private static final int BINS = 30;
    /** Distinct colours, so that no two methods look alike. */
    private static final java.awt.Color[] PALETTE = {
        new java.awt.Color(0x1f77b4),
        new java.awt.Color(0xff7f0e),
        new java.awt.Color(0x2ca02c),
        new java.awt.Color(0xd62728),
        new java.awt.Color(0x9467bd),
        new java.awt.Color(0x000000),
        new java.awt.Color(0xe377c2),
        new java.awt.Color(0x7f7f7f),
        new java.awt.Color(0xbcbd22),
        new java.awt.Color(0x17becf),
        new java.awt.Color(0x8c564b)
    };

    private EvalPlots() {}

    /** Writes the plots into {@code dir} and returns their paths. */
    public static List<Path> write(Evaluation.Result r, Path dir) {
        System.setProperty("java.awt.headless", "true");
        List<Path> files = new ArrayList<>();
        files.add(recallCurve(r, dir, true));
        files.add(recallCurve(r, dir, false));
        for (MethodScore m : r.scores()) {
            files.add(scores(m, dir));
        }
        return files;
    }

    private static Path recallCurve(Evaluation.Result r, Path dir, boolean tweets) {
        int maxK = r.settings().maxK();
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title((tweets ? "Tweet-level" : "Author-level") + " recall@K, " + r.viewers() + " viewers")
                .xAxisTitle("K")
                .yAxisTitle("recall@K")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        chart.getStyler().setYAxisDecimalPattern("0.00");
        double[] x = new double[maxK];
        for (int i = 0; i < maxK; i++) {
            x[i] = i + 1;
        }
        for (MethodScore m : r.scores()) {
            double[] sum = tweets ? m.tweetRecallCurve : m.authorRecallCurve;
            int n = Math.max(1, tweets ? m.tweetViewers : m.authorViewers);
            double[] y = new double[maxK];
            for (int i = 0; i < maxK; i++) {
                y[i] = sum[i] / n;
            }
            XYSeries s = chart.addSeries(m.method.name(), x, y);
            s.setMarker(SeriesMarkers.NONE);
        }
        return save(chart, dir.resolve(tweets ? "recall-tweets.png" : "recall-authors.png"));
    }

    /** The scores a method gave, for items that were hits (tweet or author level) and for the rest. */
    private static Path scores(MethodScore m, Path dir) {
        DoubleArrayList all = new DoubleArrayList(m.hitScores);
        all.addAll(m.missScores);
        double min = all.doubleStream().min().orElse(0);
        double max = all.doubleStream().max().orElse(1);
        if (max <= min) {
            max = min + 1;
        }
        // Scores that span orders of magnitude (visit shares, counts) are binned on a log scale.
        boolean log = min > 0 && max / min > 100;
        XYChart chart = new XYChartBuilder()
                .width(900)
                .height(560)
                .title("Scores of " + m.method.name() + " (all items shown to the viewers)")
                .xAxisTitle(log ? "score (log scale)" : "score")
                .yAxisTitle("share of the group's items")
                .build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setSeriesColors(PALETTE);
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setXAxisDecimalPattern(log ? "0.#E0" : "0.###");
        chart.getStyler().setYAxisDecimalPattern("0.00");
        addHistogram(
                chart,
                String.format(Locale.ROOT, "hits, tweet or author level (%,d)", m.hitScores.size()),
                m.hitScores,
                min,
                max,
                log);
        addHistogram(
                chart, String.format(Locale.ROOT, "misses (%,d)", m.missScores.size()), m.missScores, min, max, log);
        String slug = m.method.name().replaceAll("[^A-Za-z0-9]+", "-").replaceAll("-$", "");
        return save(chart, dir.resolve("scores-" + slug + ".png"));
    }

    private static void addHistogram(
            XYChart chart, String name, DoubleArrayList values, double min, double max, boolean log) {
        double lo = log ? Math.log10(min) : min;
        double hi = log ? Math.log10(max) : max;
        double[] x = new double[BINS];
        double[] y = new double[BINS];
        double width = (hi - lo) / BINS;
        for (int i = 0; i < BINS; i++) {
            double centre = lo + (i + 0.5) * width;
            x[i] = log ? Math.pow(10, centre) : centre;
        }
        for (double v : values) {
            double at = log ? Math.log10(v) : v;
            int bin = (int) Math.min(BINS - 1, Math.max(0, (at - lo) / width));
            y[bin]++;
        }
        for (int i = 0; i < BINS; i++) {
            y[i] = values.isEmpty() ? 0 : y[i] / values.size();
        }
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        s.setMarker(SeriesMarkers.NONE);
    }

    private static Path save(XYChart chart, Path file) {
        try {
            BitmapEncoder.saveBitmap(chart, file.toString(), BitmapEncoder.BitmapFormat.PNG);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
