package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.data.Observations;
import org.scalefit.fit.LawFit;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutFit;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.heldout.SizeError;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.overtraining.Prediction;

/**
 * scalefit's result document of {@code scalefit rollout}, the held-out evaluation of a law by model size:
 * the model sizes, the reference fit on all of them with its in-sample errors, and every held-out fit — the sizes it
 * was fitted on, its parameters (for a built-in law in log space, as {@code scalefit fit} writes them; for a law
 * written as text, named or read from a law file, by name with the fit's status, as {@code scalefit fit}'s expression
 * document writes them), warnings, and per predicted size the
 * mean, maximum and mean signed relative error in percent, how many orders of magnitude it lies outside the range of
 * the fitted points per input, and every point's inputs, observed and predicted loss; the
 * data's provenance; the run. All but {@code run} is the same, byte for byte, whatever the thread count. Written and
 * read by {@link Documents}' mapper.
 *
 * @param mode       how sizes were held out
 * @param law        the law's name (a law written on the command line is named by its text)
 * @param expression a written law's expression; null for a built-in law
 * @param inputs     the law's inputs (the data columns it reads)
 * @param lawFile    a written law with its controls (parameters, residual, objective), as a law file; null for a
 *                   built-in law
 * @param delta      δ of the Huber (or over-estimate) objective; null for a written law's squared objective
 * @param grid       the start grid's name
 * @param gridSize   its number of starts
 * @param points     how many points
 * @param sizeKey    the run-key columns that form the sizes
 * @param sizeOrder  the column the sizes are ordered by
 * @param sizes      every size with its key, scale and number of points
 * @param failedFits how many held-out fits failed
 * @param reference  the fit on all sizes
 * @param fits       the held-out fits
 * @param provenance the data, its SHA-256, transforms, columns and the version
 * @param run        threads and wall time
 */
public record HeldOutDocument(String mode, String law,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String expression, List<String> inputs,
                              @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("law_file")
                              LawFileDocument lawFile,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double delta, String grid,
                              @JsonProperty("grid_size") long gridSize, int points,
                              @JsonProperty("size_key") List<String> sizeKey,
                              @JsonProperty("size_order") String sizeOrder, List<Size> sizes,
                              @JsonProperty("failed_fits") long failedFits, Fit reference, List<Fit> fits,
                              Provenance provenance, RunTiming run) implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "rollout";

    public HeldOutDocument {
        inputs = List.copyOf(inputs);
        sizeKey = List.copyOf(sizeKey);
        sizes = List.copyOf(sizes);
        fits = List.copyOf(fits);
    }

    /** A model size: its index, its key values, its scale (under the ordering column's name) and its points. */
    public record Size(int size, Map<String, Double> key, @JsonAnyGetter @JsonAnySetter Map<String, Double> scale,
                       int points) {

        public Size {
            scale = scale == null ? new LinkedHashMap<>() : scale;
        }
    }

    /**
     * A fit: the sizes it was fitted on, its points, and if it succeeded its optimum and in-sample errors; its starts,
     * warnings, and the errors on each predicted size. A built-in law's optimum is its exponents, log-coefficients
     * and log irreducible error; a written law's is its parameters by name, and its status
     * ({@code converged}, {@code not_stationary}, {@code failed}, {@code not_identified}) is given; {@code loss} is
     * the objective at the optimum; {@code budget_cut_starts}, as in {@link FitDocument}, counts the starts the
     * evaluation budget stopped, only when there are any.
     */
    public record Fit(@JsonProperty("fitted_sizes") List<Integer> fittedSizes,
                      @JsonProperty("fitted_points") int fittedPoints, boolean success,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String status,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double loss,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> parameters,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> exponents,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> coefficients,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("irreducible_error")
                      Double irreducibleError,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("mean_percent_error")
                      Double meanPercentError,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("max_percent_error")
                      Double maxPercentError,
                      long starts, @JsonProperty("successful_starts") long successfulStarts,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("budget_cut_starts")
                      Long budgetCutStarts,
                      List<String> warnings, List<Predicted> predicted) {
    }

    /**
     * The errors on one predicted size, how far it lies outside the fitted points' range (per input, in orders of
     * magnitude: positive above, negative below, 0 within; {@link SizeError#decadesOutside}), and every point.
     */
    public record Predicted(int size, @JsonProperty("mean_percent_error") double meanPercentError,
                            @JsonProperty("max_percent_error") double maxPercentError,
                            @JsonProperty("mean_signed_percent_error") double meanSignedPercentError,
                            @JsonProperty("decades_outside") Map<String, Double> decadesOutside,
                            List<PredictedPoint> points) {

        public Predicted {
            decadesOutside = decadesOutside == null ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(decadesOutside));
        }
    }

    /** A point: its inputs by name, the observed and predicted loss and the error in percent. */
    public record PredictedPoint(@JsonAnyGetter @JsonAnySetter Map<String, Double> inputs, double loss,
                                 double predicted, @JsonProperty("percent_error") double percentError) {

        public PredictedPoint {
            inputs = inputs == null ? new LinkedHashMap<>() : inputs;
        }
    }

    /** The data, its SHA-256, the transforms, the column mapping and the version. */
    public record Provenance(String data, @JsonProperty("data_sha256") String dataSha256, List<String> transforms,
                             Map<String, String> columns,
                             @JsonProperty("scalefit_version") String scalefitVersion)
            implements Envelope.Source {

        public Provenance {
            transforms = List.copyOf(transforms);
            columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        }
    }

    /**
     * The document of {@code report}, made by {@code evaluation} on {@code observations} with sizes formed by the
     * {@code key} columns and ordered by {@code scale}, on data of {@code provenance}, computed as {@code run} says.
     */
    public static HeldOutDocument of(HeldOutReport report, HeldOutEvaluation evaluation, Observations observations,
                                     List<String> key, String scale, FitProvenance provenance, RunTiming run,
                                     String version) {
        ModelSizes sizes = report.sizes();
        int[] counts = new int[sizes.count()];
        for (int i = 0; i < sizes.points(); i++) {
            counts[sizes.sizeOf(i)]++;
        }
        List<Size> list = new ArrayList<>();
        for (int s = 0; s < sizes.count(); s++) {
            Map<String, Double> values = new LinkedHashMap<>();
            double[] keyOfSize = sizes.key(s);
            for (int j = 0; j < key.size(); j++) {
                values.put(key.get(j), keyOfSize[j]);
            }
            Map<String, Double> scaleOfSize = new LinkedHashMap<>();
            scaleOfSize.put(scale, sizes.scale(s));
            list.add(new Size(s, values, scaleOfSize, counts[s]));
        }
        List<Fit> fits = new ArrayList<>();
        for (HeldOutFit fit : report.fits()) {
            fits.add(fit(fit, observations));
        }
        ExpressionLaw written = report.law() instanceof HeldOutLaw.Written w ? w.law() : null;
        double delta = report.delta();
        return new HeldOutDocument(report.mode().label(), report.law().name(),
                written == null ? null : written.expression().text(), report.law().inputs(),
                written == null ? null : LawFileDocument.of(written), Double.isNaN(delta) ? null : delta,
                evaluation.grid().name(), evaluation.grid().size(), observations.size(), key, scale,
                list, report.failedFits(), fit(report.reference(), observations), fits,
                new Provenance(provenance.data(), provenance.dataSha256(), provenance.transforms(),
                        provenance.columns(), version), run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static HeldOutDocument read(Path file) {
        return Documents.read(file, HeldOutDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(ANALYSIS, provenance, null, run);
    }

    private static Fit fit(HeldOutFit heldOut, Observations observations) {
        HeldOutLaw.Fitted fit = heldOut.fit();
        boolean ok = fit.succeeded();
        List<Predicted> predicted = new ArrayList<>();
        for (SizeError error : heldOut.errors()) {
            List<PredictedPoint> points = new ArrayList<>();
            int[] indices = error.points();
            for (int t = 0; t < indices.length; t++) {
                Map<String, Double> inputs = new LinkedHashMap<>();
                for (int j = 0; j < observations.arity(); j++) {
                    inputs.put(observations.inputNames().get(j), observations.input(indices[t], j));
                }
                Prediction prediction = error.predictions().get(t);
                points.add(new PredictedPoint(inputs, prediction.observed(), prediction.predicted(),
                        prediction.percentError()));
            }
            Map<String, Double> outside = new LinkedHashMap<>();
            double[] decades = error.decadesOutside();
            for (int j = 0; j < decades.length; j++) {
                outside.put(observations.inputNames().get(j), decades[j]);
            }
            predicted.add(new Predicted(error.size(), error.meanPercentError(), error.maxPercentError(),
                    error.meanSignedPercentError(), outside, points));
        }
        List<Integer> sizes = new ArrayList<>();
        for (int size : heldOut.fittedSizes()) {
            sizes.add(size);
        }
        Double mean = ok ? heldOut.meanPercentError() : null;
        Double max = ok ? heldOut.maxPercentError() : null;
        if (fit instanceof HeldOutLaw.BuiltInFit builtIn) {
            LawFit law = builtIn.fit();
            return new Fit(sizes, fit.points(), ok, null, ok ? fit.loss() : null, null,
                    ok ? SensitivityLaw.list(law.exponents()) : null,
                    ok ? SensitivityLaw.list(law.logCoefficients()) : null, ok ? law.logIrreducibleError() : null,
                    mean, max, fit.starts(), fit.successfulStarts(), FitDocument.budgetCutStarts(law.search()), fit.warnings(),
                    predicted);
        }
        ExpressionFit written = ((HeldOutLaw.WrittenFit) fit).fit();
        return new Fit(sizes, fit.points(), ok, written.status().label(), ok ? fit.loss() : null,
                ok ? written.named() : null, null, null, null, mean, max, fit.starts(), fit.successfulStarts(),
                FitDocument.budgetCutStarts(written.search()), fit.warnings(), predicted);
    }
}
