package org.scalefit.io;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gemstones' parameter-file shape of a fit ({@code approach_3_*.json}): {@code {"success":{"0":…},"loss":{"0":…},
 * "exponents":{"0":[…]},"coefficients":{"0":[…]},"irreducible_error":{"0":…}}} — a pandas {@code to_json} of a
 * one-row frame, written from the typed {@link FitDocument}. scalefit's own document is {@link FitDocument#write()}.
 */
public final class FitResultJson {

    private FitResultJson() {
    }

    /** Gemstones' parameter-file shape of {@code document}; only {@code success} when it holds no optimum. */
    public static String gemstones(FitDocument document) {
        JsonMapper mapper = Documents.mapper();
        ObjectNode root = mapper.createObjectNode();
        if (!document.hasOptimum()) {
            root.putObject("success").put("0", false);
            return Documents.write(root);
        }
        root.putObject("success").put("0", document.success());
        root.putObject("loss").put("0", document.loss());
        putArray(root.putObject("exponents"), "0", document.exponents());
        putArray(root.putObject("coefficients"), "0", document.coefficients());
        root.putObject("irreducible_error").put("0", document.irreducibleError());
        return Documents.write(root);
    }

    private static void putArray(ObjectNode node, String name, double[] values) {
        ArrayNode array = node.putArray(name);
        for (double value : values) {
            array.add(value);
        }
    }
}
