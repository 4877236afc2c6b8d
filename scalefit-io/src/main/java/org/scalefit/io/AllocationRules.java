package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.scalefit.data.InputRange;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.law.PowerLawAllocation;
import org.scalefit.law.expr.ExpressionAllocation;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where {@code scalefit allocate} gets its law: a reference law bundled with scalefit ({@code chinchilla},
 * {@code epoch}, {@code kaplan}; values and sources in {@code reference-laws.json}), a params/tokens fit written by
 * {@code scalefit fit} in either of its formats (scalefit's, or Gemstones' {@code approach_3_*.json}), or the fit of
 * a law written as text whose inputs read params and tokens ({@link ExpressionFitDocument}, allocated numerically by
 * {@link ExpressionAllocation}).
 */
public final class AllocationRules {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private AllocationRules() {
    }

    /** The names of the bundled reference laws. */
    public static List<String> referenceNames() {
        return List.of("chinchilla", "epoch", "kaplan");
    }

    /** The bundled reference law {@code name}, or the fit in file {@code name}. */
    public static AllocationRule named(String name) {
        if (referenceNames().contains(name)) {
            return reference(name);
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            boolean path = name.contains("/") || name.contains(java.io.File.separator) || name.contains(".");
            if (path) {
                throw new InputException(name, null, null, "a fit file written by scalefit fit --out (or a reference "
                        + "law: " + String.join(", ", referenceNames()) + ")", Files.isDirectory(file)
                        ? "a directory" : "no such file");
            }
            throw new IllegalArgumentException("'" + name + "' is neither a reference law (" + String.join(", ",
                    referenceNames()) + ") nor a fit file");
        }
        Optional<ExpressionLawFiles.Fitted> expression = expressionFit(file);
        if (expression.isPresent()) {
            return ExpressionAllocation.rule(expression.get().law(), expression.get().theta());
        }
        return fromFitFile(file);
    }

    /**
     * The warnings of the fit in file {@code name} ({@link org.scalefit.law.FittedLaw#warnings}), which travel with
     * its allocations; none for a bundled reference law.
     */
    public static List<String> warnings(String name) {
        if (referenceNames().contains(name)) {
            return List.of();
        }
        Path file = Path.of(name);
        return expressionFit(file).map(ExpressionLawFiles.Fitted::warnings)
                .orElseGet(() -> LawFiles.read(file).warnings());
    }

    /**
     * Why the {@code allocations} are extrapolations of the fit in file {@code name} ({@link
     * InputRange#beyondAllocation}): a budget more than {@value InputRange#FAR_DECADES} order of magnitude beyond its
     * largest run's 6·N·D, or one whose N or D lies that far outside its runs', each message once; none for a
     * reference law or a fit that does not record its range ({@link #uncheckedExtrapolation} says so).
     */
    public static List<String> extrapolations(String name, List<Allocation> allocations) {
        if (referenceNames().contains(name)) {
            return List.of();
        }
        Optional<InputRange> range = LawFiles.inputRange(Path.of(name));
        java.util.Set<String> found = new java.util.LinkedHashSet<>();
        range.ifPresent(r -> allocations.forEach(a -> found.addAll(r.beyondAllocation(a.compute(), a.params(),
                a.tokens()))));
        return List.copyOf(found);
    }

    /**
     * Why the allocations of {@code name} cannot be checked for {@link #extrapolations}: a reference law, or a fit
     * file that does not record the range of its runs ({@link LawFiles#unknownRange}). Empty when they can.
     */
    public static Optional<String> uncheckedExtrapolation(String name) {
        return referenceNames().contains(name) ? Optional.of(LawFiles.unknownRangeOfReference(name))
                : LawFiles.unknownRange(Path.of(name));
    }

    /** The fit of a law written as text in {@code file}, if it holds one ({@link ExpressionLawFiles#isFitDocument}). */
    private static Optional<ExpressionLawFiles.Fitted> expressionFit(Path file) {
        JsonNode root;
        try {
            root = MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            return Optional.empty(); // not JSON: LawFiles.read says so, naming the file
        }
        if (!ExpressionLawFiles.isFitDocument(root)) {
            return Optional.empty();
        }
        return Optional.of(Documents.read(root, ExpressionFitDocument.class, file.toString()).fitted(file.toString()));
    }

    /** The bundled reference law {@code name}; its {@code source} tells where the values come from. */
    public static AllocationRule reference(String name) {
        JsonNode law = referenceDocument().get(name);
        if (law == null) {
            throw new IllegalArgumentException("no reference law '" + name + "'");
        }
        if (law.get("kind").asString().equals("allocation")) {
            return new PowerLawAllocation(law.get("coefficient").asDouble(), law.get("compute_unit").asDouble(),
                    law.get("exponent").asDouble());
        }
        return new ComputeOptimalAllocation(law.get("A").asDouble(), law.get("B").asDouble(), law.get("E").asDouble(),
                law.get("alpha").asDouble(), law.get("beta").asDouble());
    }

    /** Where the bundled reference law {@code name} comes from. */
    public static String referenceSource(String name) {
        JsonNode law = referenceDocument().get(name);
        return law == null ? "" : law.get("source").asString();
    }

    private static JsonNode referenceDocument() {
        try (InputStream in = AllocationRules.class.getResourceAsStream("reference-laws.json")) {
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The allocation of a params/tokens fit file: scalefit's result ({@code law}, {@code exponents},
     * {@code coefficients}, {@code irreducible_error}) or Gemstones' parameter file (the same fields under
     * {@code "0"}), as {@link LawFiles#read} reads them.
     */
    public static ComputeOptimalAllocation fromFitFile(Path file) {
        FittedLaw law = LawFiles.read(file);
        if (!law.form().equals(LawForm.CHINCHILLA)) {
            throw InputException.field(file.toString(), null, "law", "a params/tokens (chinchilla) law",
                    law.form().name());
        }
        double[] theta = law.theta();   // [α, β, ln A, ln B, ln E]
        for (int k = 0; k < 2; k++) {
            if (Double.isInfinite(Math.exp(theta[2 + k]))) {
                throw InputException.field(file.toString(), null, "coefficients", "coefficients A and B that are "
                        + "finite numbers", String.format(Locale.ROOT, "%s = e^%.1f is too large to compute with "
                        + "(its term is degenerate: %s = %.3g; see the fit's warnings)", k == 0 ? "A" : "B",
                        theta[2 + k], k == 0 ? "α" : "β", theta[k]));
            }
        }
        try {
            return ComputeOptimalAllocation.ofChinchillaParameters(theta);
        } catch (IllegalArgumentException e) {
            throw InputException.field(file.toString(), null, "exponents", "positive exponents", e.getMessage());
        }
    }
}
