package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.Observations;
import org.scalefit.fit.FarResiduals;
import org.scalefit.fit.LawFit;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.charts.LawFitFigures;
import org.scalefit.report.charts.Runs;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * The report section of an Approach-3 fit (Hoffmann et al. 2022 §3.3; McLeish et al. 2025 §3.2): the law's
 * parameters (with pairs-bootstrap 2.5–97.5 percentile intervals when a bootstrap is given), how the multi-start
 * search went and its warnings, and the law against the data (predicted against observed, residuals).
 */
public final class LawFitSection {

    private LawFitSection() {
    }

    /**
     * The section, its loss axes labelled plainly "loss" (see {@link #of(String, LawFit, Observations, Runs,
     * RunStyles, BootstrapResult, String)} to say what the loss is).
     *
     * @param data      the points fitted, in the order of {@code runs}' rows
     * @param bootstrap replicates of the same fit for intervals, or null
     */
    public static Section of(String id, LawFit fit, Observations data, Runs runs, RunStyles styles,
                             BootstrapResult bootstrap) {
        return of(id, fit, data, runs, styles, bootstrap, "loss");
    }

    /**
     * The section.
     *
     * @param data      the points fitted, in the order of {@code runs}' rows
     * @param bootstrap replicates of the same fit for intervals, or null
     * @param lossLabel what the loss is, for the figures' axes (e.g. {@link
     *                  org.scalefit.report.charts.LossLabel#ofColumn})
     */
    public static Section of(String id, LawFit fit, Observations data, Runs runs, RunStyles styles,
                             BootstrapResult bootstrap, String lossLabel) {
        LawForm form = fit.law();
        Section section = Section.of(id, "Approach 3: " + form.name() + " law").withText("Approach 3: the law "
                + (form.equals(LawForm.CHINCHILLA) ? "L(N, D) = E + A/N^α + B/D^β" : "L = E + Σ_j exp(c_j)·x_j^(−α_j) "
                + "over " + String.join(", ", form.inputs())) + " fitted by minimising the objective, the sum of "
                + "Huber penalties (δ = " + Numbers.format(fit.delta(), 3) + ") of the log-loss residuals, with "
                + "L-BFGS from every start of the "
                + fit.search().grid().name() + " grid, keeping the best start that converged.");
        List<Block.Fact> search = List.of(
                new Block.Fact("points", Integer.toString(fit.points()),
                        fit.identification().distinctPoints() == fit.points() ? ""
                                : fit.identification().distinctPoints() + " distinct (rows at the same inputs are one "
                                + "point)"),
                new Block.Fact("starts", Long.toString(fit.search().starts()), fit.search().successfulStarts()
                        + " converged" + (fit.search().recognisedStarts() == 0 ? ", each run to its end"
                        : ", " + fit.search().recognisedStarts() + " stopped early in a known basin")));
        if (fit.status() == LawFit.Status.NOT_IDENTIFIED) {
            return section.withText("The data cannot identify the law, so no fit was made: " + String.join("; ",
                    fit.identification().failures()) + ". There is no law to show.").withFacts(search.subList(0, 1));
        }
        if (!fit.succeeded()) {
            return section.withText("The fit failed: no start converged. There is no law to show.")
                    .withFacts(search);
        }
        FittedLaw law = fit.fitted();
        List<Block.Fact> facts = new ArrayList<>(parameters(form, law, bootstrap));
        facts.add(new Block.Fact("objective", Numbers.format(fit.loss(), 8), ""));
        facts.addAll(search);
        for (String warning : fit.warnings()) {
            facts.add(new Block.Fact("warning", warning, ""));
        }
        facts.addAll(residualFacts(law, data, runs));
        section = section.withFacts(facts)
                .withFigure(LawFitFigures.predictedAgainstObserved(id + "-predicted", law, data, runs, styles,
                                lossLabel),
                        predictedCaption(law, data, runs));
        String input = form.inputs().contains("tokens") ? "tokens" : form.inputs().get(form.arity() - 1);
        return section.withFigure(LawFitFigures.residualsAgainstInput(id + "-residuals", law, data, input, runs,
                styles, lossLabel), residualsCaption(law, data, runs));
    }

    /** How many off-scale points a caption names before it only counts the rest. */
    private static final int NAMED_OFF_SCALE = 5;

    /**
     * The caption of the residuals figure: what it shows and, when points are off its scale
     * ({@link LawFitFigures#offScaleResiduals}), which runs they are and their residuals.
     */
    static String residualsCaption(FittedLaw law, Observations data, Runs runs) {
        String caption = "ln L − ln L̂, the residual the Huber objective weighs; a trend within a run means the law "
                + "misses the shape of its loss curve.";
        String named = offScaleNamed(LawFitFigures.offScaleResiduals(law, data), law, data, runs);
        return named.isEmpty() ? caption : caption + " The axis follows the bulk of the residuals; off its scale, "
                + "drawn as red triangles at its edge: " + named + ".";
    }

    /**
     * The caption of the predicted-against-observed figure: what it shows and, when points are off its scale
     * ({@link LawFitFigures#offScalePredictions}), which runs they are and their residuals.
     */
    static String predictedCaption(FittedLaw law, Observations data, Runs runs) {
        String caption = "Each point is one checkpoint; on the dashed line the law predicts the observed loss exactly.";
        String named = offScaleNamed(LawFitFigures.offScalePredictions(law, data), law, data, runs);
        return named.isEmpty() ? caption : caption + " The axes follow the bulk of the points; off their scale, "
                + "drawn as red triangles at their edge: " + named + ".";
    }

    /** The runs of rows {@code off} with their residuals, the first {@value #NAMED_OFF_SCALE} named; empty when none. */
    private static String offScaleNamed(int[] off, FittedLaw law, Observations data, Runs runs) {
        List<String> named = new ArrayList<>();
        for (int k = 0; k < Math.min(NAMED_OFF_SCALE, off.length); k++) {
            int i = off[k];
            named.add(runs.label(i) + ": ln L − ln L̂ = " + Numbers.format(Math.log(data.loss(i))
                    - Math.log(law.predict(data.inputs()[i])), 4));
        }
        return String.join("; ", named) + (off.length > NAMED_OFF_SCALE ? "; and " + (off.length - NAMED_OFF_SCALE)
                + " more" : "");
    }

    /** A point this far from the law, |ln L − ln L̂| above it (its loss more than ≈ 10 % off), is named. */
    static final double FAR_RESIDUAL = FarResiduals.FAR_RESIDUAL;

    /**
     * The law's largest log residual r = ln L − ln L̂ with its row, and a warning naming the points with |r| above
     * {@link #FAR_RESIDUAL} ({@link FarResiduals}, the rule of the fit's own warnings): a diverged or mislabelled run
     * sits there, and the Huber objective, which bounds its pull on the fit, would otherwise keep it out of sight.
     *
     * @param data the points fitted, in the order of {@code runs}' rows
     */
    public static List<Block.Fact> residualFacts(FittedLaw law, Observations data, Runs runs) {
        if (runs.size() != data.size()) {
            throw new IllegalArgumentException(data.size() + " observations but " + runs.size() + " runs' rows");
        }
        FarResiduals residuals = FarResiduals.of(law.form(), law.theta(), data);
        int largest = residuals.largest();
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("largest residual", "ln L − ln L̂ = " + Numbers.format(residuals.residuals()[largest],
                4), runs.label(largest) + ": loss " + describe(law, data, largest)));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            names.add(runs.label(i) + " (loss " + describe(law, data, i) + ")");
        }
        String warning = residuals.warning(names);
        if (warning != null) {
            facts.add(new Block.Fact("warning", warning, ""));
        }
        return facts;
    }

    private static String describe(FittedLaw law, Observations data, int row) {
        return Numbers.format(data.loss(row), 4) + ", law " + Numbers.format(law.predict(data.inputs()[row]), 4);
    }

    static List<Block.Fact> parameters(LawForm form, FittedLaw law, BootstrapResult bootstrap) {
        int k = form.arity();
        double[] low = bootstrap == null ? null : bootstrap.untransformedPercentile(2.5);
        double[] high = bootstrap == null ? null : bootstrap.untransformedPercentile(97.5);
        String detail = bootstrap == null ? "" : "[2.5, 97.5] percentiles of " + bootstrap.replicates().length
                + " pairs-bootstrap refits";
        List<Block.Fact> facts = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String input = form.inputs().get(j);
            String exponentName = form.equals(LawForm.CHINCHILLA) ? (j == 0 ? "α" : "β") : "α (" + input + ")";
            String coefficientName = form.equals(LawForm.CHINCHILLA) ? (j == 0 ? "A" : "B")
                    : "exp(c) (" + input + ")";
            facts.add(fact(exponentName, law.exponent(j), bootstrap, low, high, j, detail));
            if (Double.isInfinite(Math.exp(law.logCoefficient(j)))) {
                facts.add(new Block.Fact(coefficientName, "exp(" + Numbers.format(law.logCoefficient(j), 5) + ")",
                        "beyond the largest double; the fit's log-space value (see the warnings)"));
            } else {
                facts.add(fact(coefficientName, Math.exp(law.logCoefficient(j)), bootstrap, low, high, k + j,
                        detail));
            }
        }
        facts.add(fact("E", Math.exp(law.logIrreducibleError()), bootstrap, low, high, 2 * k, detail));
        if (form.equals(LawForm.CHINCHILLA)) {
            double alpha = law.exponent(0);
            double beta = law.exponent(1);
            facts.add(new Block.Fact("compute-optimal exponents", "N_opt ∝ C^" + Numbers.format(beta / (alpha + beta), 4)
                    + ", D_opt ∝ C^" + Numbers.format(alpha / (alpha + beta), 4), "a = β/(α+β), b = α/(α+β)"));
        }
        return facts;
    }

    private static Block.Fact fact(String name, double value, BootstrapResult bootstrap, double[] low, double[] high,
                                   int index, String detail) {
        if (bootstrap != null && !bootstrap.identified(index)) {
            return new Block.Fact(name, Numbers.format(value, 5) + " (not identified)", "negligible at every point "
                    + "(see the fit's warnings): the refits barely move it, so it has no bootstrap interval");
        }
        String text = low == null ? Numbers.format(value, 5) : Numbers.withInterval(value, low[index], high[index], 5);
        return new Block.Fact(name, text, detail);
    }
}
