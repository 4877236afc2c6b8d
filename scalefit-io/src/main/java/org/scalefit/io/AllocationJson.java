package org.scalefit.io;

import java.util.List;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;
import org.scalefit.law.ComputeOptimalAllocation;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The JSON form of compute-optimal allocations: the law used, its exponents, and N, D, D/N, loss per budget. */
public final class AllocationJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The document for {@code allocations} under the rule read from {@code law}. */
    public String write(String law, String source, AllocationRule rule, List<Allocation> allocations, String version) {
        ObjectNode root = mapper.createObjectNode();
        root.put("law", law);
        if (!source.isEmpty()) {
            root.put("source", source);
        }
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
}
