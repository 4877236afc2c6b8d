package org.scalefit.report.charts;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * What a loss axis shows, said only as far as the data says it: a run table's loss column is named by its file
 * column, from which this takes what the name states and nothing more.
 * <ul>
 *   <li>the split: "validation loss" when a word of the name is val, valid, validation, eval or evaluation;
 *       "training loss" for train or training; "test loss" for test; otherwise "loss";</li>
 *   <li>the unit: nats/token when the name says it is a cross-entropy (a word ce, xent, crossentropy or nll, or
 *       the words cross and entropy): the natural-log cross-entropy per token language-model code reports; no unit
 *       otherwise;</li>
 *   <li>the column itself, unless it is plainly {@code loss}, so that the reader can find it in the file.</li>
 * </ul>
 * Words are the name's runs of letters and digits, lower-cased ({@code val_loss}, {@code eval/ce}).
 * E.g. {@code final_loss} → "loss (column final_loss)", {@code val_ce_loss} → "validation loss (nats/token; column
 * val_ce_loss)", {@code loss} → "loss".
 */
public final class LossLabel {

    private static final Set<String> VALIDATION = Set.of("val", "valid", "validation", "eval", "evaluation");
    private static final Set<String> TRAINING = Set.of("train", "training");
    private static final Set<String> CROSS_ENTROPY = Set.of("ce", "xent", "crossentropy", "nll");

    private LossLabel() {
    }

    /** The axis label of the loss read from file column {@code column}. */
    public static String ofColumn(String column) {
        Objects.requireNonNull(column, "column");
        List<String> words = List.of(column.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"));
        String kind = words.stream().anyMatch(VALIDATION::contains) ? "validation loss"
                : words.stream().anyMatch(TRAINING::contains) ? "training loss"
                : words.contains("test") ? "test loss" : "loss";
        boolean crossEntropy = words.stream().anyMatch(CROSS_ENTROPY::contains)
                || words.contains("cross") && words.contains("entropy");
        List<String> notes = new java.util.ArrayList<>();
        if (crossEntropy) {
            notes.add("nats/token");
        }
        if (!column.equals("loss")) {
            notes.add("column " + column);
        }
        return notes.isEmpty() ? kind : kind + " (" + String.join("; ", notes) + ")";
    }
}
