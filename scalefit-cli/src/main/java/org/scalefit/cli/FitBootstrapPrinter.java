package org.scalefit.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.StoredFit;
import org.scalefit.law.LawForm;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.ResamplingUnits;

/**
 * The printout of {@code scalefit bootstrap --fit} ({@link FitBootstrapOptions}): the fit and data, the scheme, how the
 * refits ended, every parameter's estimate, standard error and percentile interval in log and natural space, the
 * allocation bands per budget, and the run.
 */
final class FitBootstrapPrinter {

    private static final String NOT_IDENTIFIED = "  *";

    private FitBootstrapPrinter() {
    }

    /**
     * The bootstrap of {@code stored} on {@code data}: what was resampled (and {@code unitsWarning}, when not null,
     * about it), its intervals and bands, and the run.
     */
    static void print(PrintStream stdout, StoredFit stored, String data, BootstrapResult result,
                              FitBootstrapDocument.Resampling resampling, String unitsWarning,
                              AllocationBands allocation, int threads, double seconds) {
        LawForm law = stored.law().form();
        stdout.printf(Locale.ROOT, "bootstrap of %s: %s law on %s, %d points, %s%n", stored.file(), law.name(),
                data, stored.points(), Wording.delta(stored.delta()));
        LawCautions.print(stdout, stored.file().toString(), stored.law().warnings());
        ResamplingUnits units = resampling.units();
        String what = units.scheme() == ResamplingUnits.Scheme.RUNS
                ? units.units() + " runs, one per distinct " + String.join(",", resampling.runKey())
                        + " (all points of a run drawn together),"
                : units.units() + " points";
        stdout.printf(Locale.ROOT, "%s scheme: %s resampled with replacement; %d replicates, seed %d (%s stream), "
                + "each refitted from the point estimate%n", units.scheme().label(), what, result.count(),
                resampling.seed(), resampling.stream());
        if (unitsWarning != null) {
            stdout.println("warning: " + unitsWarning);
        }
        stdout.printf(Locale.ROOT, "refits: %s%n", refitCounts(result));
        int[] unidentified = result.unidentifiedResamples();
        if (unidentified.length > 0) {
            stdout.printf(Locale.ROOT, "warning: %d of %d resamples cannot identify the law (e.g. they miss one of "
                    + "the few widths or depths; the rules by which scalefit fit refuses data), replicates %s: kept in "
                    + "the summaries, but their parameters along the directions the resample leaves free are where "
                    + "the refit from the point estimate stopped, so the intervals understate the uncertainty%n",
                    unidentified.length, result.count(), list(unidentified));
        }
        double low = 50 - resampling.level() / 2;
        double high = 50 + resampling.level() / 2;
        double[] theta = stored.law().theta();
        List<String> logNames = law.parameterNames(false);
        List<String> naturalNames = law.parameterNames(true);
        String lowLabel = percent(low);
        String highLabel = percent(high);
        stdout.printf(Locale.ROOT, "  %-26s %14s %12s %14s %14s%n", "parameter", "estimate", "s.e.", lowLabel,
                highLabel);
        double[] se = result.standardErrors();
        double[] lows = result.percentile(low);
        double[] highs = result.percentile(high);
        for (int j = 0; j < theta.length; j++) {
            stdout.printf(Locale.ROOT, "  %-26s %14.7g %12.5g %14.7g %14.7g%s%n", logNames.get(j), theta[j], se[j],
                    lows[j], highs[j], result.identified(j) ? "" : NOT_IDENTIFIED);
        }
        double[] naturalSe = result.untransformedStandardErrors();
        double[] naturalLows = result.untransformedPercentile(low);
        double[] naturalHighs = result.untransformedPercentile(high);
        for (int j = law.arity(); j < theta.length; j++) {
            stdout.printf(Locale.ROOT, "  %-26s %14.7g %12.5g %14.7g %14.7g%s%n", naturalNames.get(j),
                    Math.exp(theta[j]), naturalSe[j], naturalLows[j], naturalHighs[j],
                    result.identified(j) ? "" : NOT_IDENTIFIED);
        }
        if (result.unidentified().length > 0) {
            stdout.println("  * not identified (the fit's warnings): the refits barely move it, so its interval is "
                    + "not an uncertainty");
        }
        if (allocation != null) {
            if (!allocation.computed()) {
                stdout.println("allocation skipped: " + allocation.skipped());
            } else {
                printAllocation(stdout, allocation, result.count(), lowLabel, highLabel);
            }
        }
        stdout.printf(Locale.ROOT, "%s, %.2f s%n", Counts.of(threads, "thread"), seconds);
    }

    private static void printAllocation(PrintStream stdout, AllocationBands allocation, int replicates,
                                        String lowLabel, String highLabel) {
        int[] unusable = allocation.unusableReplicates();
        stdout.printf(Locale.ROOT, "compute-optimal allocation (Chinchilla eq. 4): estimate, and median [%s, %s] "
                + "over %d replicates%s%n", lowLabel, highLabel, replicates - unusable.length, unusable.length == 0
                ? "" : " (" + unusable.length + " without an allocation left out: " + list(unusable) + ")");
        stdout.printf(Locale.ROOT, "  %-9s  %-43s  %-43s  %s%n", "C (FLOPs)", "N_opt", "D_opt", "D/N");
        for (AllocationBands.Band band : allocation.bands()) {
            stdout.printf(Locale.ROOT, "  %-9.3g  %-43s  %-43s  %s%n", band.compute(),
                    spread(band.estimate().params(), band.params(), "%.4g"),
                    spread(band.estimate().tokens(), band.tokens(), "%.4g"),
                    spread(band.estimate().tokensPerParam(), band.tokensPerParam(), "%.3g"));
        }
    }

    private static String spread(double estimate, AllocationBands.Spread spread, String format) {
        return String.format(Locale.ROOT, format + " (" + format + " [" + format + ", " + format + "])", estimate,
                spread.median(), spread.low(), spread.high());
    }

    /** "2.5 %", "95 %": a percentage as it was given. */
    /**
     * The caution of bands over a bootstrap with {@code unidentified} of its {@code replicates} replicates unable to
     * identify the law ({@code shapes --bootstrap}, {@code parabola --bootstrap}), or empty when there are none.
     */
    static java.util.Optional<String> unidentifiedCaution(int unidentified, int replicates) {
        return unidentified == 0 ? java.util.Optional.empty() : java.util.Optional.of(String.format(Locale.ROOT,
                "caution: %d of %d bootstrap replicates cannot identify the law (their resamples miss one of the "
                        + "few distinct inputs or points; bootstrap --fit lists them): they are in the bands, but "
                        + "their parameters along what the resample leaves free are where the refit stopped, so the "
                        + "bands understate the uncertainty", unidentified, replicates));
    }

    static String percent(double p) {
        return (p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p)) + " %";
    }

    /**
     * How the refits ended, by the stationarity test each end point is judged by: converged, at the precision floor,
     * failed (listed), and how many end points were polished first.
     */
    static String refitCounts(BootstrapResult result) {
        int[] failed = result.failed();
        int polished = result.polished().length;
        return String.format(Locale.ROOT, "%d converged, %d at the precision floor, %d failed%s%s",
                result.converged(), result.atPrecisionFloor().length, failed.length, failed.length == 0 ? ""
                        : " (replicates " + list(failed) + "; kept in the summaries)", polished == 0 ? ""
                        : "; " + polished + " polished (a tested step still lowered the objective where the search "
                        + "stopped)");
    }

    static String list(int[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(values.length, 10); i++) {
            text.append(i == 0 ? "" : ", ").append(values[i]);
        }
        return values.length > 10 ? text + ", …" : text.toString();
    }
}
