package org.scalefit.io;

import java.util.List;
import org.scalefit.fit.FitDiagnostics;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.Stationarity;
import org.scalefit.fit.StartOutcome;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON forms of a {@link LawFit}.
 *
 * <p>{@link #scalefit} is scalefit's own: the optimum ({@code loss}, {@code exponents}, {@code coefficients} and
 * {@code irreducible_error}, the last two in log space as the studies store them, and {@code natural_scale} with them
 * untransformed: A, B, E), the search ({@code starts},
 * {@code successful_starts}, the best few optima), warnings, provenance, and a {@code run} section with the
 * thread count and wall time. Everything outside {@code run} is the same, byte for byte, for the same inputs
 * whatever the number of threads. {@link #gemstones} is the parameter-file shape of Gemstones'
 * {@code approach_3_*.json} files.
 */
public final class FitResultJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** scalefit's result document. */
    public String scalefit(LawFit fit, FitProvenance provenance, int threads, double seconds) {
        ObjectNode root = mapper.createObjectNode();
        root.put("law", fit.law().name());
        ArrayNode inputs = root.putArray("inputs");
        fit.law().inputs().forEach(inputs::add);
        root.put("success", fit.succeeded());
        root.put("status", fit.status().label());
        if (fit.hasOptimum()) {
            root.put("loss", fit.loss());
            putArray(root, "exponents", fit.exponents());
            putArray(root, "coefficients", fit.logCoefficients());
            root.put("irreducible_error", fit.logIrreducibleError());
            putNaturalScale(root, fit);
        }
        root.put("delta", fit.delta());
        root.put("points", fit.points());
        ArrayNode warnings = root.putArray("warnings");
        fit.warnings().forEach(warnings::add);
        var search = fit.search();
        root.put("grid", search.grid().name());
        root.put("starts", search.starts());
        root.put("successful_starts", search.successfulStarts());
        root.put("recognised_starts", search.recognisedStarts());
        root.put("evaluations", search.evaluations());
        root.put("verification_evaluations", search.verificationEvaluations());
        root.put("polished", search.polished());
        if (search.stationarity() != null) {
            root.set("stationarity", stationarity(mapper, search.stationarity()));
        }
        if (search.secondBest() != null) {
            root.set("second_best", secondBest(fit, search.secondBest()));
        }
        ObjectNode recognition = root.putObject("recognition");
        recognition.put("starts_cut", search.recognisedStarts());
        recognition.put("cut_any", search.recognisedStarts() > 0);
        recognition.put("protected_margin", MultiStartFitter.COMPETING_MARGIN);
        if (search.gridBest() != null) {
            root.set("grid_best", outcome(search.gridBest()));
        }
        ArrayNode leaders = root.putArray("best_starts");
        for (StartOutcome leader : search.leaders()) {
            leaders.add(outcome(leader));
        }
        ObjectNode origin = root.putObject("provenance");
        origin.put("data", provenance.data());
        if (provenance.dataAbsolute() != null) {
            origin.put("data_absolute", provenance.dataAbsolute());
        }
        origin.put("data_sha256", provenance.dataSha256());
        ArrayNode transforms = origin.putArray("transforms");
        provenance.transforms().forEach(transforms::add);
        origin.put("law", fit.law().name());
        origin.put("grid", search.grid().name());
        origin.put("grid_size", search.grid().size());
        if (!provenance.columns().isEmpty()) {
            ObjectNode columns = origin.putObject("columns");
            provenance.columns().forEach(columns::put);
        }
        origin.put("scalefit_version", provenance.version());
        ObjectNode run = root.putObject("run");
        run.put("threads", threads);
        run.put("seconds", seconds);
        root.put("threads", threads);
        root.put("seconds", seconds);
        return mapper.writeValueAsString(root) + "\n";
    }

    /** Gemstones' parameter-file shape: {@code {"success":{"0":…},"loss":{"0":…},…}}. */
    public String gemstones(LawFit fit) {
        if (!fit.hasOptimum()) {
            return gemstones(false, 0, null, null, 0);
        }
        return gemstones(fit.succeeded(), fit.loss(), fit.exponents(), fit.logCoefficients(), fit.logIrreducibleError());
    }

    /**
     * Gemstones' parameter-file shape of a document written by {@link #scalefit}: the same bytes as
     * {@link #gemstones(LawFit)} of the fit the document describes (e.g. one served from the results store).
     */
    public String gemstones(String scalefitDocument) {
        JsonNode document = mapper.readTree(scalefitDocument);
        if (!document.has("loss")) {
            return gemstones(false, 0, null, null, 0);
        }
        return gemstones(document.get("success").asBoolean(), document.get("loss").asDouble(), doubles(document.get("exponents")),
                doubles(document.get("coefficients")), document.get("irreducible_error").asDouble());
    }

    private String gemstones(boolean success, double loss, double[] exponents, double[] coefficients,
                             double irreducible) {
        ObjectNode root = mapper.createObjectNode();
        root.putObject("success").put("0", success);
        if (exponents != null) {
            root.putObject("loss").put("0", loss);
            putArray(root.putObject("exponents"), "0", exponents);
            putArray(root.putObject("coefficients"), "0", coefficients);
            root.putObject("irreducible_error").put("0", irreducible);
        }
        return mapper.writeValueAsString(root) + "\n";
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    /** The evidence that the optimum is a local minimum ({@link Stationarity}). */
    static ObjectNode stationarity(JsonMapper mapper, Stationarity test) {
        ObjectNode node = mapper.createObjectNode();
        node.put("stationary", test.holds());
        node.put("first_order", test.firstOrder());
        node.put("second_order", test.secondOrder());
        finite(node, "objective_scale", test.scale());
        finite(node, "gradient_inf_norm", test.gradientNorm());
        finite(node, "relative_gradient", test.relativeGradient());
        finite(node, "relative_decrease", test.relativeDecrease());
        node.put("decrease_tolerance", Stationarity.DECREASE_TOLERANCE);
        finite(node, "curvature_ratio", test.curvatureRatio());
        node.put("second_order_checked", Double.isFinite(test.curvatureRatio()));
        return node;
    }

    /** Puts {@code value}, or null where it is not finite (JSON has no NaN or infinity). */
    static void finite(ObjectNode node, String name, double value) {
        if (Double.isFinite(value)) {
            node.put(name, value);
        } else {
            node.putNull(name);
        }
    }

    /** A competing basin's optimum, with its gap to the best and, for two-input laws, its compute-optimal exponent. */
    private ObjectNode secondBest(LawFit fit, StartOutcome second) {
        ObjectNode node = outcome(second);
        node.put("relative_gap", (second.value() - fit.loss()) / Math.abs(fit.loss()));
        if (fit.law().arity() == 2) {
            node.put("compute_optimal_exponent", FitDiagnostics.computeOptimalExponent(second.point()));
            node.put("best_compute_optimal_exponent", FitDiagnostics.computeOptimalExponent(fit.parameters()));
        }
        return node;
    }

    private ObjectNode outcome(StartOutcome outcome) {
        ObjectNode node = mapper.createObjectNode();
        node.put("start", outcome.start());
        node.put("loss", outcome.value());
        putArray(node, "parameters", outcome.point());
        node.put("status", outcome.status().name());
        return node;
    }

    private static void putArray(ObjectNode node, String name, double[] values) {
        ArrayNode array = node.putArray(name);
        for (double value : values) {
            array.add(value);
        }
    }

    /**
     * {@code natural_scale}: the coefficients and irreducible error untransformed (e^c_j, e^e), the coefficients in
     * input order, and for the params/tokens law also under Chinchilla's names: L = E + A/N^α + B/D^β.
     */
    private static void putNaturalScale(ObjectNode root, LawFit fit) {
        ObjectNode natural = root.putObject("natural_scale");
        double[] logCoefficients = fit.logCoefficients();
        ArrayNode coefficients = natural.putArray("coefficients");
        for (double c : logCoefficients) {
            coefficients.add(Math.exp(c));
        }
        natural.put("irreducible_error", Math.exp(fit.logIrreducibleError()));
        if (fit.law().inputs().equals(List.of("params", "tokens"))) {
            natural.put("A", Math.exp(logCoefficients[0]));
            natural.put("B", Math.exp(logCoefficients[1]));
            natural.put("E", Math.exp(fit.logIrreducibleError()));
        }
    }

    /** Field names of the result document that the tests and the benchmark harness rely on. */
    public static List<String> requiredFields() {
        return List.of("loss", "exponents", "coefficients", "irreducible_error", "delta", "starts",
                "successful_starts", "threads", "seconds", "provenance");
    }
}
