package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.law.expr.Residual;
import tools.jackson.databind.json.JsonMapper;

/**
 * The law file of a law of the law language as scalefit writes it — into an expression-fit document
 * ({@code law_file}) and into its store key: the name, the expression, the column each input reads, every
 * parameter's control, the residual and the objective with its δ (and κ). It is what
 * {@link ExpressionLawFiles#fromJson} reads; a user's law file may use more forms (start ranges, YAML), which only
 * that reader knows.
 *
 * @param name       the law's name
 * @param expression its expression
 * @param inputs     input → data column, in the expression's order
 * @param parameters parameter → control, in the law's order
 * @param residual   {@code log} or {@code raw}
 * @param objective  {@code huber}, {@code over-estimate} or {@code squared}
 * @param delta      the Huber threshold δ (null for squared)
 * @param kappa      the over-estimate weight κ (null unless over-estimate)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "expression", "inputs", "parameters", "residual", "objective", "delta", "kappa"})
public record LawFileDocument(String name, String expression, Map<String, String> inputs,
                              Map<String, Control> parameters, String residual, String objective, Double delta,
                              Double kappa) {

    private static final JsonMapper COMPACT = JsonMapper.builder().build();

    public LawFileDocument {
        inputs = inputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * A parameter's control: tied to another parameter, or a scale with optional bounds (null for an open side) and
     * either a fixed value or its starts.
     *
     * @param tiedTo the parameter it equals (then nothing else is given), or null
     * @param scale  {@code log} or {@code linear}
     * @param bounds [lower, upper], a null side unbounded; null if unbounded
     * @param fixed  its fixed value, or null
     * @param starts its start values, or null when fixed
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"tied_to", "scale", "bounds", "fixed", "starts"})
    public record Control(@JsonProperty("tied_to") String tiedTo, String scale, List<Double> bounds, Double fixed,
                          List<Double> starts) {

        /** The control of {@code spec}. */
        static Control of(ParameterSpec spec) {
            if (spec.isTied()) {
                return new Control(spec.tiedTo(), null, null, null, null);
            }
            List<Double> bounds = null;
            if (spec.isBounded()) {
                bounds = new ArrayList<>();
                bounds.add(Double.isFinite(spec.lower()) ? spec.lower() : null);
                bounds.add(Double.isFinite(spec.upper()) ? spec.upper() : null);
                bounds = Collections.unmodifiableList(bounds);
            }
            return new Control(null, spec.scale() == ParameterSpec.Scale.LOG ? "log" : "linear", bounds,
                    spec.isFixed() ? spec.fixed() : null,
                    spec.isFixed() ? null : java.util.Arrays.stream(spec.startValues()).boxed().toList());
        }
    }

    /** The law file of {@code law}. */
    public static LawFileDocument of(ExpressionLaw law) {
        Map<String, String> inputs = new LinkedHashMap<>();
        for (int j = 0; j < law.columns().size(); j++) {
            inputs.put(law.expression().inputs().get(j), law.columns().get(j));
        }
        Map<String, Control> parameters = new LinkedHashMap<>();
        for (ParameterSpec spec : law.parameters()) {
            parameters.put(spec.name(), Control.of(spec));
        }
        String residual = law.residual() == Residual.LOG ? "log" : "raw";
        if (law.penalty() instanceof Penalty.Huber huber) {
            return new LawFileDocument(law.name(), law.expression().text(), inputs, parameters, residual, "huber",
                    huber.delta(), null);
        }
        if (law.penalty() instanceof Penalty.OverEstimate over) {
            return new LawFileDocument(law.name(), law.expression().text(), inputs, parameters, residual,
                    "over-estimate", over.delta(), over.kappa());
        }
        return new LawFileDocument(law.name(), law.expression().text(), inputs, parameters, residual, "squared",
                null, null);
    }

    /**
     * The law this file describes, read by {@link ExpressionLawFiles#fromJson} (the one reader of law files, with its
     * checks); {@code source} names it in errors.
     */
    public ExpressionLawFiles.LawFile read(String source) {
        return ExpressionLawFiles.fromJson(source, Documents.mapper().valueToTree(this));
    }

    /** This file as compact JSON (no white space), e.g. for a store key. */
    public String compactJson() {
        return COMPACT.writeValueAsString(this);
    }
}
