package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;
import org.scalefit.law.ComputeOptimalAllocation;

/**
 * scalefit's result document of {@code scalefit allocate}: the law used (a fit file or a reference law's name, with
 * its source and its fit's warnings), for Chinchilla's eq. 4 rule its exponents a, b and G, and N, D, D/N and the
 * predicted loss per budget C ≈ 6ND. Written and read by {@link Documents}' one mapper; {@link #csv()} is the same
 * allocations as a table.
 *
 * @param law            the {@code --law} argument: a fit file or a reference law's name
 * @param source         the reference law's citation; absent (empty) for a fit file
 * @param lawWarnings    the warnings of the fit the law came from; absent when there are none
 * @param extrapolations the budgets far beyond the runs the law was fitted on ({@link
 *                       org.scalefit.data.InputRange#beyondCompute}); absent when there are none
 * @param extrapolationUnchecked why the budgets could not be checked for extrapolation: the range of the runs the
 *                       law was fitted on is unknown ({@link org.scalefit.data.InputRange#unknown}); absent when
 *                       they were checked
 * @param paramsExponent a of N_opt ∝ C^a, for a Chinchilla-form rule (else null)
 * @param tokensExponent b of D_opt ∝ C^b, for a Chinchilla-form rule (else null)
 * @param g              G of N_opt = G (C/6)^a, for a Chinchilla-form rule (else null)
 * @param allocations    one row per budget, in the order asked
 * @param provenance     the version that wrote the document
 */
@JsonPropertyOrder({"law", "source", "law_warnings", "extrapolations", "extrapolation_unchecked", "params_exponent",
        "tokens_exponent", "G", "allocations", "provenance"})
public record AllocationDocument(
        String law,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) String source,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("law_warnings") List<String> lawWarnings,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> extrapolations,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @JsonProperty("extrapolation_unchecked")
        String extrapolationUnchecked,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("params_exponent") Double paramsExponent,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("tokens_exponent") Double tokensExponent,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("G") Double g,
        List<Row> allocations,
        VersionProvenance provenance) implements ResultDocument {

    /** The value of {@link Envelope#analysis()}. */
    public static final String ANALYSIS = "allocate";

    public AllocationDocument {
        source = source == null ? "" : source;
        lawWarnings = lawWarnings == null ? List.of() : List.copyOf(lawWarnings);
        extrapolations = extrapolations == null ? List.of() : List.copyOf(extrapolations);
        extrapolationUnchecked = extrapolationUnchecked == null ? "" : extrapolationUnchecked;
        allocations = allocations == null ? List.of() : List.copyOf(allocations);
    }

    /** A document without extrapolations, whose budgets were checked for them. */
    public AllocationDocument(String law, String source, List<String> lawWarnings, Double paramsExponent,
                              Double tokensExponent, Double g, List<Row> allocations, VersionProvenance provenance) {
        this(law, source, lawWarnings, List.of(), "", paramsExponent, tokensExponent, g, allocations, provenance);
    }

    /**
     * One budget's allocation.
     *
     * @param compute        the budget C in FLOPs
     * @param params         N_opt
     * @param tokens         D_opt
     * @param tokensPerParam D_opt / N_opt
     * @param predictedLoss  the law's loss at (N_opt, D_opt); null (absent) for a rule that predicts none
     */
    @JsonPropertyOrder({"compute", "params", "tokens", "tokens_per_param", "predicted_loss"})
    public record Row(double compute, double params, double tokens,
                      @JsonProperty("tokens_per_param") double tokensPerParam,
                      @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("predicted_loss")
                      Double predictedLoss) {

        /** The row of {@code allocation}. */
        public static Row of(Allocation allocation) {
            return new Row(allocation.compute(), allocation.params(), allocation.tokens(),
                    allocation.tokensPerParam(),
                    Double.isNaN(allocation.predictedLoss()) ? null : allocation.predictedLoss());
        }
    }

    /**
     * The document of {@code allocations} under {@code rule}, read from {@code law} ({@code source} its citation or
     * empty, {@code lawWarnings} its fit's warnings), written by scalefit {@code version}.
     */
    public static AllocationDocument of(String law, String source, List<String> lawWarnings, AllocationRule rule,
                                        List<Allocation> allocations, String version) {
        return of(law, source, lawWarnings, List.of(), Optional.empty(), rule, allocations, version);
    }

    /**
     * As {@link #of(String, String, List, AllocationRule, List, String)}, with the budgets' extrapolations, or why
     * they could not be checked ({@code unchecked}).
     */
    public static AllocationDocument of(String law, String source, List<String> lawWarnings,
                                        List<String> extrapolations, Optional<String> unchecked, AllocationRule rule,
                                        List<Allocation> allocations, String version) {
        List<Row> rows = new ArrayList<>();
        for (Allocation allocation : allocations) {
            rows.add(Row.of(allocation));
        }
        ComputeOptimalAllocation chinchilla = rule instanceof ComputeOptimalAllocation c ? c : null;
        return new AllocationDocument(law, source, lawWarnings, extrapolations, unchecked.orElse(""),
                chinchilla == null ? null : chinchilla.paramsExponent(),
                chinchilla == null ? null : chinchilla.tokensExponent(),
                chinchilla == null ? null : chinchilla.g(), rows, new VersionProvenance(version));
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static AllocationDocument read(Path file) {
        return Documents.read(file, AllocationDocument.class);
    }

    @Override
    public Envelope envelope() {
        return new Envelope(ANALYSIS, provenance.scalefitVersion(), null, null, null, null);
    }

    /**
     * The CSV form: a header {@code compute,params,tokens,tokens_per_param,predicted_loss} and one row per budget, in
     * order; numbers to 15 significant digits without trailing zeros (1E+23, not Java 17's 9.999999999999999E22), an
     * empty cell where the rule predicts no loss.
     */
    public String csv() {
        StringBuilder csv = new StringBuilder("compute,params,tokens,tokens_per_param,predicted_loss\n");
        for (Row row : allocations) {
            csv.append(number(row.compute())).append(',').append(number(row.params())).append(',')
                    .append(number(row.tokens())).append(',').append(number(row.tokensPerParam())).append(',')
                    .append(row.predictedLoss() == null ? "" : number(row.predictedLoss())).append('\n');
        }
        return csv.toString();
    }

    private static String number(double value) {
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toString();
    }
}
