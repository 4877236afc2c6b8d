package org.scalefit.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One checkpoint's downstream benchmark results: per task, the accuracy and its standard error, as Gemstones
 * evaluates them with lighteval ({@code light_eval_df.parquet}, {@code light_eval_df_err.parquet}).
 * The averages are the study's:
 * <pre>
 *   avg_acc = (1/n)·Σ_t acc_t,   avg_err = 1 − avg_acc,   avg_stderr = √(Σ_t stderr_t²) / n
 * </pre>
 * over the n tasks (summed in task order).
 *
 * @param name          the checkpoint's name as stored, e.g. {@code Gemstone-1024x28-main}
 * @param width         the model width
 * @param depth         the model depth (layers)
 * @param revision      {@code main} (the final checkpoint) or {@code step_<8 digits>}
 * @param step          the optimiser step of the checkpoint
 * @param tokens        the tokens seen at that step
 * @param accuracy      task → accuracy in [0, 1], in the source's task order (copied, unmodifiable)
 * @param standardError task → standard error of the accuracy, ≥ 0, same tasks in the same order
 */
public record BenchmarkScores(String name, int width, int depth, String revision, long step, double tokens,
                              Map<String, Double> accuracy, Map<String, Double> standardError) {

    /** The revision name of a model's final checkpoint. */
    public static final String FINAL_REVISION = "main";

    public BenchmarkScores {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(revision, "revision");
        if (accuracy.isEmpty()) {
            throw new IllegalArgumentException(name + ": no task accuracies");
        }
        if (!java.util.List.copyOf(accuracy.keySet()).equals(java.util.List.copyOf(standardError.keySet()))) {
            throw new IllegalArgumentException(name + ": accuracies for " + accuracy.keySet()
                    + " but standard errors for " + standardError.keySet());
        }
        accuracy.forEach((task, value) -> requireBetween(name, task, "accuracy", value, 1));
        standardError.forEach((task, value) -> requireBetween(name, task, "standard error", value,
                Double.POSITIVE_INFINITY));
        accuracy = Collections.unmodifiableMap(new LinkedHashMap<>(accuracy));
        standardError = Collections.unmodifiableMap(new LinkedHashMap<>(standardError));
    }

    /** The model, {@code <width>x<depth>}, e.g. {@code 1024x28}. */
    public String model() {
        return width + "x" + depth;
    }

    /** Whether this is the model's final checkpoint ({@value #FINAL_REVISION}). */
    public boolean isFinalRevision() {
        return revision.equals(FINAL_REVISION);
    }

    /** avg_acc = (1/n)·Σ_t acc_t. */
    public double averageAccuracy() {
        double sum = 0;
        for (double value : accuracy.values()) {
            sum += value;
        }
        return sum / accuracy.size();
    }

    /** avg_err = 1 − avg_acc. */
    public double averageError() {
        return 1 - averageAccuracy();
    }

    /** avg_stderr = √(Σ_t stderr_t²) / n. */
    public double averageStandardError() {
        double sum = 0;
        for (double value : standardError.values()) {
            sum += value * value;
        }
        return Math.sqrt(sum) / standardError.size();
    }

    private static void requireBetween(String name, String task, String what, Double value, double high) {
        if (value == null || !(value >= 0 && value <= high) || value.isInfinite()) {
            throw new IllegalArgumentException(name + ": task " + task + ": " + what + " " + value
                    + " is not a finite number in [0, " + high + "]");
        }
    }
}
