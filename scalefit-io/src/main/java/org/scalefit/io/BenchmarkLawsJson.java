package org.scalefit.io;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.data.ScoresAtLoss;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFit;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.FitStatistics;
import org.scalefit.overtraining.SigmoidAccuracyFit;
import org.scalefit.overtraining.SigmoidAccuracyFitter;
import org.scalefit.overtraining.Solver;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of {@link BenchmarkLawFits} on {@link GemstonesBenchmarks}: each law with its parameters, standard
 * errors, covariance, RSS, R² and fit report; every model's final-revision ({@code main}) scores with its loss; and
 * provenance (both sources and their SHA-256). Non-finite numbers (a failed fit, an undetermined covariance) are
 * written as {@code null}.
 */
public final class BenchmarkLawsJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * The result document.
     *
     * @param benchmarks the benchmark results read
     * @param losses     the loss table they were matched with
     * @param fits       the fitted laws
     * @param version    scalefit's version
     */
    public String write(GemstonesBenchmarks benchmarks, RunTable losses, BenchmarkLawFits fits, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("analysis", "gemstones-benchmark-laws");
        root.put("checkpoints", benchmarks.checkpoints().size());
        root.put("points", fits.points().size());
        ArrayNode tasks = root.putArray("tasks");
        benchmarks.checkpoints().get(0).accuracy().keySet().forEach(tasks::add);
        fits.errorLaw().ifPresent(fit -> root.set("error_law", errorLaw(fit)));
        fits.sigmoidLaw().ifPresent(fit -> root.set("sigmoid_law", sigmoidLaw(fit, fits)));
        Map<String, Double> lossOf = new HashMap<>();
        for (ScoresAtLoss point : fits.points()) {
            lossOf.put(point.scores().name(), point.loss());
        }
        ArrayNode finals = root.putArray("final_revisions");
        for (BenchmarkScores scores : benchmarks.finalRevisions()) {
            finals.add(checkpoint(scores, lossOf.get(scores.name())));
        }
        ObjectNode provenance = root.putObject("provenance");
        provenance.put("data", benchmarks.source());
        provenance.put("data_sha256", benchmarks.contentHash());
        provenance.put("losses", losses.source());
        provenance.put("losses_sha256", losses.contentHash());
        provenance.put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    private ObjectNode errorLaw(DownstreamFit fit) {
        ObjectNode node = mapper.createObjectNode();
        node.put("form", "Err(L) = epsilon - k*exp(-gamma*L), Err = 1 - avg_acc");
        List<String> names = List.of("k", "gamma", "epsilon");
        parameters(node, names, fit.law().parameters(), fit.statistics());
        node.set("fit", report(fit.report()));
        return node;
    }

    private ObjectNode sigmoidLaw(SigmoidAccuracyFit fit, BenchmarkLawFits fits) {
        ObjectNode node = mapper.createObjectNode();
        node.put("form", "acc(L) = a/(1 + exp(-k*(L - L0))) + b, acc = avg_acc");
        List<String> names = List.of("a", "k", "L0", "b");
        parameters(node, names, fit.law().parameters(), fit.statistics());
        if (fit.report().solver() == Solver.LEVENBERG_MARQUARDT) {
            ArrayNode start = node.putArray("p0");
            for (double value : SigmoidAccuracyFitter.bhagiaStart(fits.losses(), fits.averageAccuracies())) {
                start.add(value);
            }
        }
        node.set("fit", report(fit.report()));
        return node;
    }

    private void parameters(ObjectNode node, List<String> names, double[] values, FitStatistics statistics) {
        double[] errors = statistics.standardErrors();
        double[][] covariance = statistics.covariance();
        ObjectNode standardErrors = mapper.createObjectNode();
        for (int j = 0; j < names.size(); j++) {
            put(node, names.get(j), values[j]);
            put(standardErrors, names.get(j), errors[j]);
        }
        node.set("standard_errors", standardErrors);
        ArrayNode matrix = node.putArray("covariance");
        for (double[] row : covariance) {
            ArrayNode line = matrix.addArray();
            for (double value : row) {
                if (Double.isFinite(value)) {
                    line.add(value);
                } else {
                    line.addNull();
                }
            }
        }
        put(node, "rss", statistics.sumOfSquares());
        put(node, "r_squared", statistics.rSquared());
        put(node, "residual_variance", statistics.residualVariance());
    }

    private ObjectNode report(FitReport report) {
        ObjectNode node = mapper.createObjectNode();
        node.put("solver", report.solver().label());
        node.put("status", report.status().name().toLowerCase(Locale.ROOT));
        node.put("points", report.points());
        node.put("parameters", report.parameters());
        put(node, "sum_of_squares", report.sumOfSquares());
        node.put("evaluations", report.evaluations());
        put(node, "condition_number", report.conditionNumber());
        ArrayNode warnings = node.putArray("warnings");
        report.warnings().forEach(warnings::add);
        return node;
    }

    private ObjectNode checkpoint(BenchmarkScores scores, Double loss) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", scores.name());
        node.put("model", scores.model());
        node.put("width", scores.width());
        node.put("depth", scores.depth());
        node.put("step", scores.step());
        node.put("tokens", scores.tokens());
        if (loss == null) {
            node.putNull("loss");
        } else {
            node.put("loss", loss);
        }
        node.put("avg_acc", scores.averageAccuracy());
        node.put("avg_err", scores.averageError());
        node.put("avg_stderr", scores.averageStandardError());
        ObjectNode accuracy = node.putObject("accuracy");
        scores.accuracy().forEach(accuracy::put);
        ObjectNode errors = node.putObject("standard_error");
        scores.standardError().forEach(errors::put);
        return node;
    }

    private static void put(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, value);
        } else {
            node.putNull(key);
        }
    }
}
