package org.scalefit.report.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.HoldOut;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.report.Numbers;
import org.scalefit.report.plot.Axis;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.Series;
import org.scalefit.report.plot.SeriesStyle;

/**
 * Figures of the held-out evaluation of an Approach-3 law by model size (core {@code heldout}): the relative error
 * 100·|L̂ − L|/L of each held-out size's points, predicted by a law fitted without that size, against the size.
 * <ul>
 *   <li>leave one size out: per size, the mean (squares) and largest (triangles) error when it is held out;</li>
 *   <li>roll-out: per number k of smallest sizes fitted, one line of the mean error of every larger size, coloured
 *       by k on matplotlib's {@code cool} map — how the error grows with the extrapolation distance.</li>
 * </ul>
 * Both show the in-sample mean error of the fit on every size (grey circles) for comparison.
 */
public final class HeldOutFigures {

    private static final String REFERENCE_COLOR = Palette.GREY;

    private HeldOutFigures() {
    }

    /**
     * The error of each held-out size against its size (log–log), as above; fits that found no optimum are left
     * out, and so is an error of exactly zero, which the log axis cannot show.
     *
     * @param sizeLabel what a model's size is (e.g. "parameters"), for the axis
     */
    public static Figure errorBySize(String id, HeldOutReport report, String sizeLabel) {
        ModelSizes sizes = report.sizes();
        Figure figure = Figure.of(id, (report.mode() == HoldOut.ROLLOUT ? "Roll-out" : "Leave one size out")
                        + ": relative error of the predicted loss per model size", Axis.log("model size (" + sizeLabel
                        + ")"), Axis.log("relative error |L̂ − L|/L (%)"));
        if (report.mode() == HoldOut.LEAVE_ONE_SIZE_OUT) {
            List<SizeError> heldOut = new ArrayList<>();
            List<HeldOutFit> fitOf = new ArrayList<>();
            for (HeldOutFit fit : report.fits()) {
                for (SizeError error : fit.errors()) {
                    heldOut.add(error);
                    fitOf.add(fit);
                }
            }
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < heldOut.size(); i++) {
                labels.add(describe(sizes, heldOut.get(i), fitOf.get(i)));
            }
            figure = figure.with(Series.of("held out: mean error", scales(sizes, heldOut),
                            heldOut.stream().mapToDouble(SizeError::meanPercentError).toArray(),
                            new SeriesStyle(Palette.BLUE, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.SQUARE, 1))
                    .withPointLabels(labels))
                    .with(Series.of("held out: largest error", scales(sizes, heldOut),
                            heldOut.stream().mapToDouble(SizeError::maxPercentError).toArray(),
                            new SeriesStyle(Palette.LIGHT_BLUE, SeriesStyle.Stroke.NONE, SeriesStyle.Marker.TRIANGLE, 1))
                    .withPointLabels(labels));
        } else {
            List<HeldOutFit> fits = report.fits().stream().filter(HeldOutFit::succeeded).toList();
            for (int f = 0; f < fits.size(); f++) {
                HeldOutFit fit = fits.get(f);
                int k = fit.fittedSizes().length;
                List<SizeError> errors = fit.errors();
                figure = figure.with(Series.of("fitted on the " + k + " smallest", scales(sizes, errors),
                                errors.stream().mapToDouble(SizeError::meanPercentError).toArray(),
                                new SeriesStyle(fits.size() == 1 ? Palette.cool(0) : Palette.cool((double) f
                                        / (fits.size() - 1)), SeriesStyle.Stroke.SOLID, SeriesStyle.Marker.SQUARE, 1.5))
                        .withPointLabels(errors.stream().map(e -> describe(sizes, e, fit)).toList()));
            }
        }
        HeldOutFit reference = report.reference();
        return figure.with(Series.of("in sample (fit on every size): mean error",
                        scales(sizes, reference.errors()),
                        reference.errors().stream().mapToDouble(SizeError::meanPercentError).toArray(),
                        SeriesStyle.markers(REFERENCE_COLOR))
                .withPointLabels(reference.errors().stream().map(e -> describe(sizes, e, reference)).toList()));
    }

    /** "1024x28" for a key (width, depth); the number itself for a one-column key. */
    public static String sizeName(ModelSizes sizes, int size) {
        double[] key = sizes.key(size);
        List<String> parts = new ArrayList<>();
        for (double value : key) {
            parts.add(value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                    : Numbers.format(value, 4));
        }
        return String.join("x", parts);
    }

    private static double[] scales(ModelSizes sizes, List<SizeError> errors) {
        return errors.stream().mapToDouble(e -> sizes.scale(e.size())).toArray();
    }

    private static String describe(ModelSizes sizes, SizeError error, HeldOutFit fit) {
        return String.format(Locale.ROOT, "%s (%s): mean %s %%, largest %s %%, signed mean %s %% over %d points; "
                        + "fitted on %d sizes", sizeName(sizes, error.size()),
                Numbers.format(sizes.scale(error.size()), 3),
                Numbers.format(error.meanPercentError(), 3), Numbers.format(error.maxPercentError(), 3),
                Numbers.format(error.meanSignedPercentError(), 3), error.points().length, fit.fittedSizes().length);
    }
}
