package org.scalefit.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.scalefit.fit.Identification;
import org.scalefit.law.FittedLaw;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fit file written by {@code scalefit fit --out} ({@link FitDocument}) read back with what is needed to
 * redo the fit's data: the law and its parameters ({@link LawFiles#read}), the Huber threshold δ, the number of
 * points and the objective value at the optimum, the {@link FitProvenance} (data, its SHA-256, transforms and —
 * in files that record it — the column mapping), and the physical limits the fit checked its data against.
 *
 * @param file       the file read
 * @param law        the fitted law
 * @param delta      δ of the fit's objective
 * @param points     how many points were fitted
 * @param loss       the objective (Huber sum) at the fitted parameters
 * @param provenance where the points came from
 * @param limits     the physical limits the fit checked its data against ({@code limits} in the document; the
 *                   defaults when it records none)
 */
public record StoredFit(Path file, FittedLaw law, double delta, int points, double loss, FitProvenance provenance,
                        Identification.Limits limits) {

    private static final String NEEDS_PROVENANCE = "a fit written by scalefit fit --out (format scalefit), which "
            + "records the data it was made on";

    public StoredFit {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(limits, "limits");
    }

    /**
     * Reads {@code file}: the law as {@link LawFiles#read} reads it, the rest as the {@link FitDocument} it is.
     *
     * @throws InputException if it is not a successful scalefit fit with δ, points, loss and provenance (a
     *                        Gemstones parameter file has no provenance and cannot be refitted), naming the field
     */
    public static StoredFit read(Path file) {
        String source = file.toString();
        if (isExpressionFit(file)) {
            throw InputException.field(source, null, "kind", "a fit of chinchilla, width-depth or width-depth-params "
                    + "written by scalefit fit --out (a law written as text is bootstrapped where it is fitted: "
                    + "scalefit fit --law EXPRESSION --bootstrap B)", "a fit of a law written as text (kind "
                    + "expression-fit)");
        }
        FittedLaw law = LawFiles.read(file);
        FitDocument document;
        try {
            document = Documents.read(file, FitDocument.class);
        } catch (InputException e) {
            throw InputException.field(source, null, "provenance", NEEDS_PROVENANCE,
                    "a file of another shape, e.g. a Gemstones parameter file (" + e.found() + ")", e);
        }
        FitDocument.Provenance origin = document.provenance();
        if (origin == null) {
            throw InputException.field(source, null, "provenance", NEEDS_PROVENANCE, "no provenance");
        }
        double delta = positive(source, "delta", document.delta());
        if (document.points() <= 0) {
            throw InputException.field(source, null, "points", "a positive whole number of points",
                    String.valueOf(document.points()));
        }
        Double loss = document.loss();
        if (loss == null || !Double.isFinite(loss)) {
            throw InputException.field(source, null, "loss", "the fit's objective value", String.valueOf(loss));
        }
        text(source, "data", origin.data());
        text(source, "data_sha256", origin.dataSha256());
        if (origin.transforms() == null) {
            throw InputException.field(source, null, "provenance.transforms", "an array of strings", "null");
        }
        Map<String, String> columns = origin.columns() == null ? Map.of() : origin.columns();
        columns.forEach((logical, column) -> {
            if (column == null || column.isEmpty()) {
                throw InputException.field(source, null, "provenance.columns." + logical, "a file column name",
                        String.valueOf(column));
            }
        });
        FitProvenance provenance = new FitProvenance(origin.data(), origin.dataSha256(), origin.transforms(),
                origin.scalefitVersion() == null ? "unknown" : origin.scalefitVersion(), columns,
                origin.dataAbsolute() == null || origin.dataAbsolute().isEmpty() ? null : origin.dataAbsolute());
        return new StoredFit(file, law, delta, document.points(), loss, provenance, limits(source, document));
    }

    /** Whether {@code file} is a readable JSON expression-fit document; anything else is left to {@link LawFiles}. */
    private static boolean isExpressionFit(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return ExpressionLawFiles.isFitDocument(JsonMapper.builder().build().readTree(file.toFile()));
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The document's {@code limits} ({@link FitDocument.Limits}), or the defaults when it has none. */
    private static Identification.Limits limits(String source, FitDocument document) {
        FitDocument.Limits limits = document.limits();
        if (limits == null) {
            return Identification.Limits.DEFAULTS;
        }
        return new Identification.Limits(positive(source, "limits.max_params", limits.maxParams()),
                positive(source, "limits.max_tokens", limits.maxTokens()));
    }

    private static double positive(String source, String field, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw InputException.field(source, null, field, "a positive finite number", String.valueOf(value));
        }
        return value;
    }

    private static void text(String source, String field, String value) {
        if (value == null || value.isEmpty()) {
            throw InputException.field(source, null, "provenance." + field, "a non-empty string",
                    String.valueOf(value));
        }
    }
}
