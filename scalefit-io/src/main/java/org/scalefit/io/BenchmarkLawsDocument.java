package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.FitStatistics;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
import org.scalefit.overtraining.Solver;

/**
 * scalefit's result document of {@link BenchmarkLawFits} on {@link GemstonesBenchmarks} (Gemstones' downstream
 * benchmarks, McLeish et al. 2025): the error law Err(L) = ε − k·e^(−γ·L) (Gadre et al. 2024) and the sigmoid
 * acc(L) = a/(1 + e^(−k·(L − L₀))) + b (Bhagia et al. 2024), each with its parameters, standard errors, covariance,
 * RSS, R² and fit report; every model's final-revision ({@code main}) scores with its loss; and provenance (both
 * sources and their SHA-256). Numbers that are not finite (a failed fit, an undetermined covariance) are null. Written
 * and read by {@link Documents}' mapper.
 *
 * @param analysis       always {@code gemstones-benchmark-laws}
 * @param checkpoints    how many checkpoints were read
 * @param points         how many were matched with a loss and fitted
 * @param tasks          the benchmark tasks
 * @param errorLaw       the error law; absent when not fitted
 * @param sigmoidLaw     the sigmoid law; absent when not fitted
 * @param finalRevisions every model's final checkpoint
 * @param provenance     the benchmark results, the losses, their SHA-256 and the version
 */
public record BenchmarkLawsDocument(String analysis, int checkpoints, int points, List<String> tasks,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("error_law")
                                    Law errorLaw,
                                    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("sigmoid_law")
                                    Law sigmoidLaw,
                                    @JsonProperty("final_revisions") List<Checkpoint> finalRevisions,
                                    Provenance provenance) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "gemstones-benchmark-laws";

    public BenchmarkLawsDocument {
        tasks = List.copyOf(tasks);
        finalRevisions = List.copyOf(finalRevisions);
    }

    /**
     * A fitted law: its form, its parameters by name, their standard errors and covariance, RSS, R², the residual
     * variance, the start of a Levenberg–Marquardt fit ({@code p0}, Bhagia et al.'s) and the fit report.
     */
    public record Law(String form, @JsonAnyGetter @JsonAnySetter Map<String, Double> parameters,
                      @JsonProperty("standard_errors") Map<String, Double> standardErrors,
                      List<List<Double>> covariance, Double rss, @JsonProperty("r_squared") Double rSquared,
                      @JsonProperty("residual_variance") Double residualVariance,
                      @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> p0, Report fit) {

        public Law {
            parameters = parameters == null ? new LinkedHashMap<>() : parameters;
        }

        static Law of(String form, List<String> names, double[] values, FitStatistics statistics, List<Double> p0,
                      FitReport report) {
            Map<String, Double> parameters = new LinkedHashMap<>();
            Map<String, Double> errors = new LinkedHashMap<>();
            for (int j = 0; j < names.size(); j++) {
                parameters.put(names.get(j), Documents.finite(values[j]));
                errors.put(names.get(j), Documents.finite(statistics.standardErrors()[j]));
            }
            List<List<Double>> covariance = new ArrayList<>();
            for (double[] row : statistics.covariance()) {
                List<Double> line = new ArrayList<>();
                for (double value : row) {
                    line.add(Documents.finite(value));
                }
                covariance.add(line);
            }
            return new Law(form, parameters, errors, covariance, Documents.finite(statistics.sumOfSquares()),
                    Documents.finite(statistics.rSquared()), Documents.finite(statistics.residualVariance()), p0,
                    Report.of(report));
        }
    }

    /** How a least-squares fit ended ({@link FitReport}). */
    public record Report(String solver, String status, int points, int parameters,
                         @JsonProperty("sum_of_squares") Double sumOfSquares, long evaluations,
                         @JsonProperty("condition_number") Double conditionNumber, List<String> warnings) {

        static Report of(FitReport report) {
            return new Report(report.solver().label(), report.status().name().toLowerCase(Locale.ROOT),
                    report.points(), report.parameters(), Documents.finite(report.sumOfSquares()),
                    report.evaluations(), Documents.finite(report.conditionNumber()), report.warnings());
        }
    }

    /** A checkpoint's scores ({@link BenchmarkScores}) and its loss (null when it has none). */
    public record Checkpoint(String name, String model, int width, int depth, long step, double tokens, Double loss,
                             @JsonProperty("avg_acc") double avgAcc, @JsonProperty("avg_err") double avgErr,
                             @JsonProperty("avg_stderr") double avgStderr, Map<String, Double> accuracy,
                             @JsonProperty("standard_error") Map<String, Double> standardError) {
    }

    /** The benchmark results and the losses, their SHA-256, and the version. */
    public record Provenance(String data, @JsonProperty("data_sha256") String dataSha256, String losses,
                             @JsonProperty("losses_sha256") String lossesSha256,
                             @JsonProperty("scalefit_version") String scalefitVersion)
            implements Envelope.Source {
    }

    /** The document of {@code fits} of {@code benchmarks} matched with {@code losses}, by scalefit {@code version}. */
    public static BenchmarkLawsDocument of(GemstonesBenchmarks benchmarks, RunTable losses, BenchmarkLawFits fits,
                                           String version) {
        Law error = fits.errorLaw().map(fit -> Law.of("Err(L) = epsilon - k*exp(-gamma*L), Err = 1 - avg_acc",
                List.of("k", "gamma", "epsilon"), fit.law().parameters(), fit.statistics(), null, fit.report()))
                .orElse(null);
        Law sigmoid = fits.sigmoidLaw().map(fit -> Law.of("acc(L) = a/(1 + exp(-k*(L - L0))) + b, acc = avg_acc",
                List.of("a", "k", "L0", "b"), fit.law().parameters(), fit.statistics(),
                fit.report().solver() == Solver.LEVENBERG_MARQUARDT ? SensitivityLaw.list(
                        SigmoidAccuracyFitter.bhagiaStart(fits.losses(), fits.averageAccuracies())) : null,
                fit.report())).orElse(null);
        Map<String, Double> lossOf = new HashMap<>();
        for (ScoresAtLoss point : fits.points()) {
            lossOf.put(point.scores().name(), point.loss());
        }
        List<Checkpoint> finals = new ArrayList<>();
        for (BenchmarkScores scores : benchmarks.finalRevisions()) {
            finals.add(new Checkpoint(scores.name(), scores.model(), scores.width(), scores.depth(), scores.step(),
                    scores.tokens(), lossOf.get(scores.name()), scores.averageAccuracy(), scores.averageError(),
                    scores.averageStandardError(), scores.accuracy(), scores.standardError()));
        }
        return new BenchmarkLawsDocument(ANALYSIS, benchmarks.checkpoints().size(), fits.points().size(),
                List.copyOf(benchmarks.checkpoints().get(0).accuracy().keySet()), error, sigmoid, finals,
                new Provenance(benchmarks.source(), benchmarks.contentHash(), losses.source(), losses.contentHash(),
                        version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static BenchmarkLawsDocument read(Path file) {
        return Documents.read(file, BenchmarkLawsDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, null);
    }
}
