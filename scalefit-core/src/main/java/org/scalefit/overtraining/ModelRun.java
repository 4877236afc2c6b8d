package org.scalefit.overtraining;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One trained language model as the over-training analyses see it: its size, how long it was trained, its loss on
 * one evaluation set, and its downstream errors.
 *
 * @param name           the run's name, e.g. {@code rpj-d=96_l=8_h=4-1.0}
 * @param dataset        the training dataset, e.g. {@code rpj}
 * @param model          the architecture's name, e.g. {@code d=96_l=8_h=4} or {@code open_lm_1b}
 * @param params         N, all parameters (embeddings included)
 * @param tokens         D, training tokens
 * @param tokensPerParam M, tokens per parameter (20 × the Chinchilla multiplier in Gadre et al.'s runs)
 * @param loss           L, the loss on the evaluation set the analysis uses (nats per token)
 * @param errors         downstream errors in [0, 1] by name (e.g. a task, or an average over tasks), in order
 */
public record ModelRun(String name, String dataset, String model, double params, double tokens,
                       double tokensPerParam, double loss, Map<String, Double> errors) {

    public ModelRun {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(model, "model");
        errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    /** C = 6·N·D, the training compute in FLOPs (a double: it exceeds 64-bit integers). */
    public double compute() {
        return 6 * params * tokens;
    }

    /**
     * The error named {@code key}.
     *
     * @throws IllegalArgumentException if this run has none; the message lists the names it has
     */
    public double error(String key) {
        Double value = errors.get(key);
        if (value == null) {
            throw new IllegalArgumentException("run " + name + " has no downstream error '" + key + "'; it has "
                    + errors.keySet());
        }
        return value;
    }
}
