package org.scalefit.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.scalefit.data.InputRange;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.shapes.CountedShape;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a fitted law from a JSON file in either of the forms {@code scalefit fit} writes: scalefit's result
 * ({@code law}, {@code exponents}, {@code coefficients}, {@code irreducible_error}) or Gemstones' parameter file
 * ({@code approach_3_*.json}: the same fields, each under the key {@code "0"}). Coefficients and irreducible error
 * are in log space, so θ = [exponents…, coefficients…, irreducible_error] (see {@link LawForm}).
 *
 * <p>A file without a {@code law} field (Gemstones') names its law by its number of exponents: 2 → chinchilla
 * [params, tokens], 3 → width-depth [width, depth, tokens], 4 → width-depth-params [width, depth, params, tokens].
 * A scalefit document's {@code warnings} come with the law ({@link FittedLaw#warnings}).
 * Anything else — unreadable JSON, a fit of a law written as text ({@link ExpressionLawFiles#isFitDocument}), an
 * unsuccessful fit, missing or non-numeric fields, lengths that disagree — is an {@link InputException} naming the
 * file and the field.
 */
public final class LawFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private LawFiles() {
    }

    /** The law in {@code file}. */
    public static FittedLaw read(Path file) {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InputException(source, null, null, "a readable JSON law file", "no such file");
        }
        return fromJson(source, LawDocumentFiles.readTree(file, MAPPER, true, "a JSON fit written by scalefit fit "
                + "--out FILE.json or a Gemstones parameter file"));
    }

    /**
     * The law in an already-parsed document; {@code source} names it in errors.
     *
     * @throws InputException as {@link #read(Path)}
     */
    public static FittedLaw fromJson(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InputException(source, null, null, "a JSON object", String.valueOf(root));
        }
        if (ExpressionLawFiles.isFitDocument(root)) {
            JsonNode expression = root.get("expression");
            throw InputException.field(source, null, "kind", "a fit of chinchilla, width-depth or width-depth-params "
                    + "(exponents, coefficients, irreducible_error) or a Gemstones parameter file", "a fit of the "
                    + "law written as text " + (expression != null && expression.isString() ? "'"
                    + expression.asString() + "' " : "") + "(kind expression-fit), which this command does not read");
        }
        JsonNode analysis = root.get("analysis");
        if (analysis != null && analysis.isString() && analysis.asString().startsWith("gadre-")) {
            throw InputException.field(source, null, "analysis", "a fit written by scalefit fit --out or a Gemstones "
                    + "parameter file", "an over-training analysis (analysis " + analysis.asString() + ") written by "
                    + "scalefit overtrain or downstream --out; predict from its loss law with --law "
                    + "gadre-overtraining --set " + lossLawValues(root.get("loss_law")));
        }
        JsonNode success = unwrap(root.get("success"));
        if (success != null && success.isBoolean() && !success.asBoolean()) {
            JsonNode status = root.get("status");
            throw InputException.field(source, null, "success", "a successful fit", "false" + (status != null
                    && status.isString() ? " (status " + status.asString() + ")" : ""));
        }
        double[] exponents = numbers(source, root, "exponents");
        double[] coefficients = numbers(source, root, "coefficients");
        if (coefficients.length != exponents.length) {
            throw InputException.field(source, null, "coefficients",
                    exponents.length + " coefficients (one an exponent)",
                    String.valueOf(coefficients.length));
        }
        JsonNode irreducible = unwrap(root.get("irreducible_error"));
        if (irreducible == null || !irreducible.isNumber() || !Double.isFinite(irreducible.asDouble())) {
            throw InputException.field(source, null, "irreducible_error", "a finite number",
                    String.valueOf(irreducible));
        }
        LawForm form = form(source, root, exponents.length);
        int k = exponents.length;
        double[] theta = new double[2 * k + 1];
        System.arraycopy(exponents, 0, theta, 0, k);
        System.arraycopy(coefficients, 0, theta, k, k);
        theta[2 * k] = irreducible.asDouble();
        return new FittedLaw(form, theta, warnings(source, root));
    }

    /** alpha=…,beta=…,b=…,E=… of an over-training analysis' loss law, or a placeholder for each value it lacks. */
    private static String lossLawValues(JsonNode lossLaw) {
        StringBuilder values = new StringBuilder();
        for (String name : new String[] {"alpha", "beta", "b", "E"}) {
            JsonNode value = lossLaw == null ? null : lossLaw.get(name);
            values.append(values.isEmpty() ? "" : ",").append(name).append('=')
                    .append(value != null && value.isNumber() ? String.valueOf(value.asDouble()) : "…");
        }
        return values.toString();
    }

    /**
     * The range of the runs the fit in {@code root} was made on (its {@code data_range}, {@link
     * FitDocument.DataRange}), against which a use of its law is judged an extrapolation; empty when the document
     * does not record it (a Gemstones parameter file, a document written before it was recorded).
     */
    public static Optional<InputRange> inputRange(String source, JsonNode root) {
        JsonNode range = root == null ? null : root.get("data_range");
        if (range == null || range.isNull()) {
            return Optional.empty();
        }
        FitDocument.DataRange read = Documents.read(range, FitDocument.DataRange.class, source);
        String problem = read.problem();
        if (problem != null) {
            throw InputException.field(source, null, "data_range", "the range of the fitted runs: inputs, and as many "
                    + "positive finite low ≤ high values", problem);
        }
        return Optional.of(read.inputRange());
    }

    /**
     * Why a use of the law in fit file {@code file} cannot be checked for extrapolation ({@link InputRange#unknown}):
     * the file records no {@code data_range}. Empty when it does.
     */
    public static Optional<String> unknownRange(Path file) {
        return inputRange(file).isPresent() ? Optional.empty() : Optional.of(InputRange.unknown(file.toString(),
                "the file has no data_range: a Gemstones parameter file, or a fit written before fit files "
                        + "recorded it"));
    }

    /** Why a use of the bundled reference law {@code name} cannot be checked for extrapolation. */
    public static String unknownRangeOfReference(String name) {
        return InputRange.unknown(name, "a published reference law, whose runs scalefit does not hold");
    }

    /** {@link #inputRange(String, JsonNode)} of the fit in {@code file}. */
    public static Optional<InputRange> inputRange(Path file) {
        return inputRange(file.toString(), LawDocumentFiles.readTree(file, MAPPER, true, "a JSON fit written by "
                + "scalefit fit --out FILE.json or a Gemstones parameter file"));
    }

    /**
     * The distinct shapes of the fitted runs with the params the data gave them, as the fit file records them
     * ({@link FitDocument.Shape}); empty when it records none (a Gemstones parameter file, data without width, depth
     * or params, or a fit written before fit files recorded them).
     *
     * @throws InputException if {@code shapes} is not a list of positive finite width, depth and params
     */
    public static List<CountedShape> countedShapes(Path file) {
        JsonNode root = LawDocumentFiles.readTree(file, MAPPER, true, "a JSON fit written by scalefit fit --out "
                + "FILE.json or a Gemstones parameter file");
        JsonNode shapes = root == null ? null : root.get("shapes");
        if (shapes == null || shapes.isNull()) {
            return List.of();
        }
        String expected = "a list of the fitted runs' shapes: positive finite width, depth and params";
        if (!shapes.isArray()) {
            throw InputException.field(file.toString(), null, "shapes", expected, shapes.toString());
        }
        List<CountedShape> read = new ArrayList<>();
        for (JsonNode shape : shapes) {
            try {
                read.add(Documents.read(shape, FitDocument.Shape.class, file.toString()).countedShape());
            } catch (IllegalArgumentException e) {
                throw InputException.field(file.toString(), null, "shapes", expected, shape.toString());
            }
        }
        return List.copyOf(read);
    }

    /** The SHA-256 of the file's bytes, in hex (provenance of a result computed from it). */
    public static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LawForm form(String source, JsonNode root, int arity) {
        JsonNode named = root.get("law");
        if (named != null) {
            LawForm form;
            try {
                form = LawForm.named(named.asString());
            } catch (IllegalArgumentException e) {
                throw InputException.field(source, null, "law", "chinchilla, width-depth or width-depth-params",
                        named.toString());
            }
            if (form.arity() != arity) {
                throw InputException.field(source, null, "exponents", form.arity() + " exponents for law "
                        + form.name(), String.valueOf(arity));
            }
            return form;
        }
        return switch (arity) {
            case 2 -> LawForm.CHINCHILLA;
            case 3 -> LawForm.WIDTH_DEPTH;
            case 4 -> LawForm.WIDTH_DEPTH_PARAMS;
            default -> throw InputException.field(source, null, "exponents", "2, 3 or 4 exponents (chinchilla, "
                    + "width-depth, width-depth-params)", String.valueOf(arity));
        };
    }

    private static double[] numbers(String source, JsonNode root, String field) {
        JsonNode array = unwrap(root.get(field));
        if (array == null || !array.isArray() || array.isEmpty()) {
            throw InputException.field(source, null, field, "an array of numbers", String.valueOf(array));
        }
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = array.get(i);
            if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                throw InputException.field(source, null, field, "finite numbers", value.toString());
            }
            values[i] = value.asDouble();
        }
        return values;
    }

    /** The fit's {@code warnings} (scalefit's documents; none in Gemstones' files), which travel with the law. */
    private static List<String> warnings(String source, JsonNode root) {
        JsonNode array = root.get("warnings");
        if (array == null) {
            return List.of();
        }
        if (!array.isArray()) {
            throw InputException.field(source, null, "warnings", "an array of strings", array.toString());
        }
        List<String> warnings = new ArrayList<>();
        for (JsonNode warning : array) {
            if (!warning.isString()) {
                throw InputException.field(source, null, "warnings", "strings", warning.toString());
            }
            warnings.add(warning.asString());
        }
        return warnings;
    }

    /** Gemstones' files hold each field under the key "0". */
    private static JsonNode unwrap(JsonNode node) {
        return node != null && node.isObject() && node.has("0") ? node.get("0") : node;
    }
}
