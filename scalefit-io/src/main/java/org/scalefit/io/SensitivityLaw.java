package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartResult;
import org.scalefit.sensitivity.AllocationSlopes;

/**
 * A params/tokens law L = E + A/N^α + B/D^β fitted by a sensitivity analysis, as the sensitivity documents record it
 * ({@link DeltaGridDocument}, {@link SamplingDocument}): how the fit ended; for a successful fit its optimum as
 * {@code scalefit fit} writes it (exponents, coefficients and irreducible error in log space) plus α, β, A, B, E; the
 * allocation slopes {@code params_slope} = β/(α+β) and {@code tokens_slope} = α/(α+β) (Hoffmann et al. 2022 eq. 4;
 * null for a failed fit); the start grid and the starts ({@code budget_cut_starts}, as in {@link FitDocument}, only
 * when the evaluation budget stopped some); the warnings.
 */
public record SensitivityLaw(boolean success, String status, int points, double delta,
                             @JsonUnwrapped Result result) {

    /**
     * What a fit found, after its outcome and δ: the optimum of a successful fit (absent otherwise), the allocation
     * slopes, the start grid and starts, and the warnings.
     */
    public record Result(@JsonInclude(JsonInclude.Include.NON_NULL) Double loss,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> exponents,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> coefficients,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("irreducible_error")
                         Double irreducibleError,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double alpha,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double beta,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("A") Double a,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("B") Double b,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("E") Double e,
                         @JsonProperty("params_slope") Double paramsSlope,
                         @JsonProperty("tokens_slope") Double tokensSlope,
                         @JsonProperty("start_grid") String startGrid, long starts,
                         @JsonProperty("successful_starts") long successfulStarts,
                         @JsonProperty("recognised_starts") long recognisedStarts,
                         @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("budget_cut_starts")
                         Long budgetCutStarts, boolean polished,
                         List<String> warnings) {

        public Result {
            exponents = exponents == null ? null : List.copyOf(exponents);
            coefficients = coefficients == null ? null : List.copyOf(coefficients);
            warnings = List.copyOf(warnings);
        }

        /** The result of {@code fit}. */
        public static Result of(LawFit fit) {
            AllocationSlopes slopes = AllocationSlopes.of(fit);
            MultiStartResult search = fit.search();
            boolean ok = fit.succeeded();
            double[] exponents = ok ? fit.exponents() : null;
            double[] coefficients = ok ? fit.logCoefficients() : null;
            return new Result(ok ? fit.loss() : null, ok ? list(exponents) : null, ok ? list(coefficients) : null,
                    ok ? fit.logIrreducibleError() : null, ok ? exponents[0] : null, ok ? exponents[1] : null,
                    ok ? Math.exp(coefficients[0]) : null, ok ? Math.exp(coefficients[1]) : null,
                    ok ? Math.exp(fit.logIrreducibleError()) : null, Documents.finite(slopes.params()),
                    Documents.finite(slopes.tokens()), search.grid().name(), search.starts(),
                    search.successfulStarts(), search.recognisedStarts(), FitDocument.budgetCutStarts(search),
                    search.polished(), fit.warnings());
        }
    }

    /** The record of {@code fit}. */
    public static SensitivityLaw of(LawFit fit) {
        return new SensitivityLaw(fit.succeeded(), fit.status().label(), fit.points(), fit.delta(), Result.of(fit));
    }

    static List<Double> list(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return list;
    }
}
