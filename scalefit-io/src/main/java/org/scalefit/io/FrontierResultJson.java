package org.scalefit.io;

import org.scalefit.frontier.LogLogFit;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemstones' {@code approach_1_linear_regression_*.json} shape of an Approach-1 fit
 * ({@code {"coef":[slope],"intercept":…,"approach":1,"label":…}}), a foreign format written by hand. scalefit's own
 * frontier document is {@link FrontierDocument}.
 */
public final class FrontierResultJson {

    private final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** Gemstones' parameter-file shape for one fit. */
    public String gemstones(LogLogFit fit, String label) {
        ObjectNode root = mapper.createObjectNode();
        root.putArray("coef").add(fit.slope());
        root.put("intercept", fit.intercept());
        root.put("approach", 1);
        root.put("label", label);
        return mapper.writeValueAsString(root) + "\n";
    }
}
