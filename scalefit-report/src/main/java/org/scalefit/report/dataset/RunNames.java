package org.scalefit.report.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.scalefit.data.RunTable;
import org.scalefit.report.Numbers;
import org.scalefit.report.charts.Runs;

/**
 * The run each row belongs to: the file's run column when it has one with a name in every row, else the shape
 * ({@code <width>x<depth>}) when the rows have one, else the parameter count ({@code N = 1.2×10⁸}). Names from the
 * run column are shown without the prefix and suffix every name shares, cut at a separator ({@code -_ /.:}), if each
 * keeps at least two characters and they stay distinct ({@code PyGemma-1024x28_pretrain} → {@code 1024x28}).
 *
 * @param names       the run of each row
 * @param description what the runs are, for the data section (e.g. "distinct model shapes (width × depth)")
 */
record RunNames(List<String> names, String description) {

    RunNames {
        names = List.copyOf(names);
    }

    static RunNames of(RunTable table, Optional<List<String>> runColumn, double[] params, boolean shapes) {
        if (runColumn.isPresent() && runColumn.get().stream().noneMatch(String::isBlank)) {
            List<String> names = runColumn.get();
            String prefix = commonPrefix(names);
            String suffix = new StringBuilder(commonPrefix(names.stream()
                    .map(name -> new StringBuilder(name).reverse().toString()).toList())).reverse().toString();
            prefix = prefix.substring(0, lastSeparator(prefix) + 1);
            int cut = firstSeparator(suffix);
            suffix = cut < 0 ? "" : suffix.substring(cut);
            List<String> shortNames = new ArrayList<>();
            for (String name : names) {
                shortNames.add(prefix.length() + suffix.length() < name.length()
                        ? name.substring(prefix.length(), name.length() - suffix.length()) : name);
            }
            boolean shortened = !(prefix + suffix).isEmpty() && new java.util.HashSet<>(names).size() > 1
                    && shortNames.stream().allMatch(name -> name.length() >= MIN_SHORT_NAME)
                    && new java.util.HashSet<>(shortNames).size() == new java.util.HashSet<>(names).size();
            return shortened
                    ? new RunNames(shortNames, "distinct names in the file's run column (shown without the "
                            + "part all share: " + quoted(prefix) + (prefix.isEmpty() || suffix.isEmpty() ? "" : " … ")
                            + quoted(suffix) + ")")
                    : new RunNames(names, "distinct names in the file's run column");
        }
        List<String> names = new ArrayList<>();
        if (shapes) {
            return new RunNames(Runs.ofShapes(table.column("width"), table.column("depth")).names(),
                    "distinct model shapes (width × depth)");
        }
        for (double n : params) {
            names.add("N = " + Numbers.format(n, 3));
        }
        return new RunNames(names, "distinct parameter counts (the file has no run column)");
    }

    /** The fewest characters a run name keeps when the part all names share is left out. */
    private static final int MIN_SHORT_NAME = 2;

    private static String commonPrefix(List<String> names) {
        String prefix = names.get(0);
        for (String name : names) {
            int i = 0;
            while (i < prefix.length() && i < name.length() && prefix.charAt(i) == name.charAt(i)) {
                i++;
            }
            prefix = prefix.substring(0, i);
        }
        return prefix;
    }

    private static boolean separator(char c) {
        return c == '-' || c == '_' || c == ' ' || c == '/' || c == '.' || c == ':';
    }

    private static int lastSeparator(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (separator(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int firstSeparator(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (separator(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static String quoted(String text) {
        return text.isEmpty() ? "" : "'" + text + "'";
    }

    /** The runs, ordered by parameters, each row labelled with its run, tokens and source line. */
    Runs runs(RunTable table, double[] tokens, double[] params) {
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            labels.add(names.get(i) + ", " + Numbers.format(tokens[i], 3) + " tokens (" + table.location(i) + ")");
        }
        return Runs.named(names).withRowLabels(labels).orderedBy(params);
    }
}
