package org.scalefit.io;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;
import org.scalefit.law.ComputeOptimalAllocation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The file forms of compute-optimal allocations: JSON (the law used, its exponents, and N, D, D/N, loss per budget)
 * and CSV (one row per budget).
 */
public final class AllocationJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document for {@code allocations} under the rule read from {@code law}. */
    public String write(String law, String source, List<String> lawWarnings, AllocationRule rule,
                        List<Allocation> allocations, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("law", law);
        if (!source.isEmpty()) {
            root.put("source", source);
        }
        LawWarningsJson.put(root, lawWarnings);
        if (rule instanceof ComputeOptimalAllocation chinchilla) {
            root.put("params_exponent", chinchilla.paramsExponent());
            root.put("tokens_exponent", chinchilla.tokensExponent());
            root.put("G", chinchilla.g());
        }
        ArrayNode rows = root.putArray("allocations");
        for (Allocation allocation : allocations) {
            ObjectNode row = rows.addObject();
            row.put("compute", allocation.compute());
            row.put("params", allocation.params());
            row.put("tokens", allocation.tokens());
            row.put("tokens_per_param", allocation.tokensPerParam());
            if (!Double.isNaN(allocation.predictedLoss())) {
                row.put("predicted_loss", allocation.predictedLoss());
            }
        }
        root.putObject("provenance").put("scalefit_version", version);
        return mapper.writeValueAsString(root) + "\n";
    }

    /**
     * The CSV form: a header {@code compute,params,tokens,tokens_per_param,predicted_loss} and one row per budget, in
     * the order given; numbers to 15 significant digits without trailing zeros (1E+23, not Java 17's
     * 9.999999999999999E22), an empty cell where a rule predicts no loss.
     */
    public String csv(List<Allocation> allocations) {
        StringBuilder csv = new StringBuilder("compute,params,tokens,tokens_per_param,predicted_loss\n");
        for (Allocation a : allocations) {
            csv.append(number(a.compute())).append(',').append(number(a.params())).append(',')
                    .append(number(a.tokens())).append(',').append(number(a.tokensPerParam())).append(',')
                    .append(Double.isNaN(a.predictedLoss()) ? "" : number(a.predictedLoss())).append('\n');
        }
        return csv.toString();
    }

    private static String number(double value) {
        return new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros().toString();
    }
}
