package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.scalefit.overtraining.LossScoreFits;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
import org.scalefit.overtraining.Solver;

/**
 * scalefit's result document of downstream laws fitted to a user's table of losses and benchmark scores
 * ({@link LossScoreTable}, {@link LossScoreFits}): the error law Err(L) = ε − k·e^(−γ·L) (Gadre et al. 2024) and the
 * sigmoid acc(L) = a/(1 + e^(−k·(L − L₀))) + b (Bhagia et al. 2024), each as {@link BenchmarkLawsDocument.Law} (its
 * parameters, standard errors, covariance, RSS, R² and fit report); the predictions at the requested losses; and
 * provenance (the file and its SHA-256). Numbers that are not finite (a failed fit) are null. Written and read by
 * {@link Documents}' mapper.
 *
 * @param analysis    always {@value #ANALYSIS}
 * @param points      how many rows were fitted
 * @param score       the score the table holds: {@code accuracy} or {@code error}
 * @param columns     logical column (loss, accuracy or error) → the file column it was read from
 * @param lossRange   the smallest and largest loss fitted
 * @param errorLaw    the error law; absent when not fitted
 * @param sigmoidLaw  the sigmoid law; absent when not fitted
 * @param predictions the laws at each requested loss
 * @param provenance  the file, its SHA-256 and the version
 */
public record BenchmarkTableDocument(String analysis, int points, String score, Map<String, String> columns,
                                     @JsonProperty("loss_range") List<Double> lossRange,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("error_law")
                                     BenchmarkLawsDocument.Law errorLaw,
                                     @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("sigmoid_law")
                                     BenchmarkLawsDocument.Law sigmoidLaw,
                                     List<Prediction> predictions, Provenance provenance) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "benchmark-table-laws";

    public BenchmarkTableDocument {
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        lossRange = List.copyOf(lossRange);
        predictions = List.copyOf(predictions);
    }

    /**
     * The laws at one loss: Err(L) of the error law and acc(L) of the sigmoid (null when not fitted or failed), and
     * whether L lies outside {@code loss_range}.
     */
    public record Prediction(double loss, @JsonInclude(JsonInclude.Include.NON_NULL) Double error,
                             @JsonInclude(JsonInclude.Include.NON_NULL) Double accuracy, boolean extrapolated) {

        static Prediction of(LossScoreFits.Prediction prediction) {
            return new Prediction(prediction.loss(), prediction.error().isPresent()
                    ? Documents.finite(prediction.error().getAsDouble()) : null, prediction.accuracy().isPresent()
                    ? Documents.finite(prediction.accuracy().getAsDouble()) : null, prediction.extrapolated());
        }
    }

    /** The table read, its SHA-256, the row condition ({@code --where}, absent for every row), and the version. */
    public record Provenance(String data, @JsonProperty("data_sha256") String dataSha256,
                             @JsonInclude(JsonInclude.Include.NON_NULL) String where,
                             @JsonProperty("scalefit_version") String scalefitVersion) implements Envelope.Source {
    }

    /** The document of {@code fits} of {@code table} with {@code predictions}, by scalefit {@code version}. */
    public static BenchmarkTableDocument of(LossScoreTable table, LossScoreFits fits,
                                            List<LossScoreFits.Prediction> predictions, String version) {
        String errorOf = fits.kind() == LossScoreFits.Score.ERROR ? "Err = error" : "Err = 1 - accuracy";
        String accuracyOf = fits.kind() == LossScoreFits.Score.ACCURACY ? "acc = accuracy" : "acc = 1 - error";
        BenchmarkLawsDocument.Law error = fits.errorLaw().map(fit -> BenchmarkLawsDocument.Law.of(
                "Err(L) = epsilon - k*exp(-gamma*L), " + errorOf, List.of("k", "gamma", "epsilon"),
                fit.law().parameters(), fit.statistics(), null, fit.report())).orElse(null);
        BenchmarkLawsDocument.Law sigmoid = fits.sigmoidLaw().map(fit -> BenchmarkLawsDocument.Law.of(
                "acc(L) = a/(1 + exp(-k*(L - L0))) + b, " + accuracyOf, List.of("a", "k", "L0", "b"),
                fit.law().parameters(), fit.statistics(),
                fit.report().solver() == Solver.LEVENBERG_MARQUARDT ? SensitivityLaw.list(
                        SigmoidAccuracyFitter.bhagiaStart(fits.losses(), fits.accuracies())) : null,
                fit.report())).orElse(null);
        return new BenchmarkTableDocument(ANALYSIS, table.rows(), table.scoreName(), table.read(),
                List.of(fits.lowestLoss(), fits.highestLoss()), error, sigmoid,
                predictions.stream().map(Prediction::of).toList(),
                new Provenance(table.table().source(), table.table().contentHash(), table.where(), version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static BenchmarkTableDocument read(Path file) {
        return Documents.read(file, BenchmarkTableDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, null);
    }
}
