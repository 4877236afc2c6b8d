package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.HeldOutPrediction;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.OvertrainingAnalysis;
import org.scalefit.overtraining.OvertrainingLaw;
import org.scalefit.overtraining.Prediction;

/**
 * scalefit's result document of an {@link OvertrainingAnalysis} on a {@link GadreTestbed} (Gadre et al. 2024, the
 * over-training law L(N, M) and the downstream law Err(L)): the loss law in its three parametrisations with its fit
 * report and fit points, each downstream law with its report and points, every target's observed and predicted loss
 * and errors with relative errors, and provenance. Numbers that are not finite (the parameters of a failed fit) are
 * null. Written and read by {@link Documents}' mapper.
 *
 * @param analysis    {@code gadre-overtraining}, or {@code gadre-downstream} with downstream laws
 * @param dataset     the training dataset analysed
 * @param lossSet     the validation set whose loss is modelled
 * @param lossLaw     the over-training law
 * @param downstream  the downstream laws, by error name
 * @param predictions every target run's predictions
 * @param warnings    predicted errors outside [0, 1] and what they mean ({@link OvertrainingAnalysis#warnings});
 *                    absent when there are none
 * @param provenance  the data, its SHA-256 and the version
 */
public record OvertrainingDocument(String analysis, String dataset, @JsonProperty("loss_set") String lossSet,
                                   @JsonProperty("loss_law") LossLaw lossLaw, Map<String, Downstream> downstream,
                                   List<Target> predictions,
                                   @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings,
                                   DataProvenance provenance) implements ResultDocument {

    public OvertrainingDocument {
        downstream = Collections.unmodifiableMap(new LinkedHashMap<>(downstream));
        predictions = List.copyOf(predictions);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * The over-training law L(N, M) = E + α·N^b + β·6^(b/2)·(M·N)^b, its compute form and its tokens form, its fit
     * report and the runs it was fitted on.
     */
    public record LossLaw(String form, Double alpha, Double beta, Double b, @JsonProperty("E") Double e,
                          @JsonProperty("compute_form") ComputeForm computeForm,
                          @JsonProperty("tokens_form") TokensForm tokensForm, Report fit, List<String> points) {

        public LossLaw {
            points = List.copyOf(points);
        }
    }

    /** L(C, M) = E + (a·M^η + b·M^−η)·C^−η. */
    public record ComputeForm(String form, Double a, Double b, Double eta, @JsonProperty("E") Double e) {
    }

    /** L(N, D) = E + A·N^b + B·D^b. */
    public record TokensForm(String form, @JsonProperty("A") Double a, @JsonProperty("B") Double tokensCoefficient,
                             Double b, @JsonProperty("E") Double e) {
    }

    /** A downstream law Err(L) = ε − k·exp(−γ·L), its fit report and the runs it was fitted on. */
    public record Downstream(String form, Double k, Double gamma, Double epsilon, Report fit, List<String> points) {

        public Downstream {
            points = List.copyOf(points);
        }
    }

    /** How a least-squares fit ended ({@link FitReport}). */
    public record Report(String solver, String status, int points, int parameters,
                         @JsonProperty("sum_of_squares") Double sumOfSquares,
                         @JsonProperty("residual_scale") Double residualScale, int starts,
                         @JsonProperty("converged_starts") int convergedStarts,
                         @JsonProperty("starts_at_optimum") int startsAtOptimum,
                         @JsonProperty("best_start") int bestStart, long evaluations,
                         @JsonProperty("condition_number") Double conditionNumber, List<String> warnings) {

        public Report {
            warnings = List.copyOf(warnings);
        }

        static Report of(FitReport report) {
            return new Report(report.solver().label(), report.status().name().toLowerCase(Locale.ROOT),
                    report.points(), report.parameters(), Documents.finite(report.sumOfSquares()),
                    Documents.finite(report.residualScale()), report.starts(), report.convergedStarts(),
                    report.startsAtOptimum(), report.bestStart(), report.evaluations(),
                    Documents.finite(report.conditionNumber()), report.warnings());
        }
    }

    /** One target run: what it is, whether it was fitted, its loss and each error, observed and predicted. */
    public record Target(String run, String model, double params, double tokens,
                         @JsonProperty("tokens_per_param") double tokensPerParam, double compute,
                         @JsonProperty("in_loss_fit") boolean inLossFit,
                         @JsonProperty("in_downstream_fit") boolean inDownstreamFit, Values loss,
                         Map<String, ErrorValues> error) {

        public Target {
            error = Collections.unmodifiableMap(new LinkedHashMap<>(error));
        }
    }

    /** An observed and a predicted value and the relative error ({@link Prediction}). */
    public record Values(Double observed, Double predicted, @JsonProperty("relative_error") Double relativeError) {

        static Values of(Prediction prediction) {
            return new Values(Documents.finite(prediction.observed()), Documents.finite(prediction.predicted()),
                    Documents.finite(prediction.relativeError()));
        }
    }

    /** As {@link Values}, and the error the downstream law predicts at the observed loss. */
    public record ErrorValues(Double observed, Double predicted,
                              @JsonProperty("relative_error") Double relativeError,
                              @JsonProperty("predicted_at_observed_loss") Double predictedAtObservedLoss) {
    }

    /** The data read, its SHA-256 and the version. */
    public record DataProvenance(String data, @JsonProperty("data_sha256") String dataSha256,
                                 @JsonProperty("scalefit_version") String scalefitVersion)
            implements Envelope.Source {
    }

    /** The document of {@code analysis} of {@code dataset} on {@code testbed}, written by scalefit {@code version}. */
    public static OvertrainingDocument of(GadreTestbed testbed, String dataset, OvertrainingAnalysis analysis,
                                          String version) {
        Map<String, Downstream> downstream = new LinkedHashMap<>();
        analysis.downstreamFits().forEach((key, fit) -> downstream.put(key,
                downstream(fit, analysis.split().downstreamFit())));
        List<Target> predictions = new ArrayList<>();
        for (HeldOutPrediction prediction : analysis.predictions()) {
            predictions.add(target(prediction));
        }
        return new OvertrainingDocument(analysis.downstreamFits().isEmpty() ? "gadre-overtraining"
                : "gadre-downstream", dataset, testbed.lossSet(), lossLaw(analysis), downstream, predictions,
                analysis.warnings(), new DataProvenance(testbed.source(), testbed.contentHash(), version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static OvertrainingDocument read(Path file) {
        return Documents.read(file, OvertrainingDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, null);
    }

    private static LossLaw lossLaw(OvertrainingAnalysis analysis) {
        OvertrainingLaw law = analysis.lossFit().law();
        OvertrainingLaw.ComputeForm compute = law.computeForm();
        return new LossLaw("L(N, M) = E + alpha*N^b + beta*6^(b/2)*(M*N)^b", Documents.finite(law.alpha()),
                Documents.finite(law.beta()), Documents.finite(law.exponent()), Documents.finite(law.irreducible()),
                new ComputeForm("L(C, M) = E + (a*M^eta + b*M^-eta)*C^-eta", Documents.finite(compute.a()),
                        Documents.finite(compute.b()), Documents.finite(compute.eta()),
                        Documents.finite(compute.irreducible())),
                new TokensForm("L(N, D) = E + A*N^b + B*D^b", Documents.finite(law.alpha()),
                        Documents.finite(law.tokensCoefficient()), Documents.finite(law.exponent()),
                        Documents.finite(law.irreducible())),
                Report.of(analysis.lossFit().report()), names(analysis.split().lossFit()));
    }

    private static Downstream downstream(DownstreamFit fit, List<ModelRun> points) {
        return new Downstream("Err(L) = epsilon - k*exp(-gamma*L)", Documents.finite(fit.law().k()),
                Documents.finite(fit.law().gamma()), Documents.finite(fit.law().epsilon()), Report.of(fit.report()),
                names(points));
    }

    private static Target target(HeldOutPrediction prediction) {
        ModelRun run = prediction.run();
        Map<String, ErrorValues> errors = new LinkedHashMap<>();
        for (Map.Entry<String, Prediction> entry : prediction.error().entrySet()) {
            Values values = Values.of(entry.getValue());
            errors.put(entry.getKey(), new ErrorValues(values.observed(), values.predicted(), values.relativeError(),
                    Documents.finite(prediction.errorAtObservedLoss().get(entry.getKey()).predicted())));
        }
        return new Target(run.name(), run.model(), run.params(), run.tokens(), run.tokensPerParam(), run.compute(),
                prediction.inLossFit(), prediction.inDownstreamFit(), Values.of(prediction.loss()), errors);
    }

    private static List<String> names(List<ModelRun> runs) {
        return runs.stream().map(ModelRun::name).toList();
    }
}
