package org.scalefit.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.fit.StartGrid;
import org.scalefit.law.LawForm;
import org.scalefit.sensitivity.ParamSearchArray;
import org.scalefit.sensitivity.SizeWindows;

/** What the {@code sensitivity} subcommands parse alike: the start grid by name or size, size windows, token lists. */
final class SensitivityInputs {

    private SensitivityInputs() {
    }

    /**
     * {@code gemstones} (Gemstones' default 4 500-start grid) or a target size g
     * ({@code create_param_search_array(2, g)}).
     */
    static StartGrid startGrid(String grid) {
        if (grid.equals("gemstones")) {
            return StartGrid.gemstones(LawForm.CHINCHILLA.arity());
        }
        long size;
        try {
            size = Long.parseLong(grid.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown grid '" + grid + "'; expected gemstones or a grid size such as "
                    + "4500");
        }
        return ParamSearchArray.forTarget(LawForm.CHINCHILLA.arity(), size).grid();
    }

    /** {@code --windows LOW:HIGH,…}: model-size windows. */
    static SizeWindows windows(List<String> texts) {
        List<double[]> parsed = new ArrayList<>();
        for (String text : texts) {
            String[] bounds = text.split(":");
            if (bounds.length != 2) {
                throw new IllegalArgumentException("--windows: expected LOW:HIGH, found '" + text + "'");
            }
            parsed.add(new double[] {number("--windows", bounds[0]), number("--windows", bounds[1])});
        }
        return new SizeWindows(parsed);
    }

    /** {@code --design-tokens SIZE=D1,D2,…}: token lists by model size, in the order given. */
    static Map<Double, double[]> designTokens(List<String> texts) {
        Map<Double, double[]> lists = new LinkedHashMap<>();
        for (String text : texts) {
            int equals = text.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("--design-tokens: expected SIZE=D1,D2,…, found '" + text + "'");
            }
            double size = number("--design-tokens", text.substring(0, equals));
            double[] tokens = Arrays.stream(text.substring(equals + 1).split(","))
                    .mapToDouble(value -> number("--design-tokens", value)).toArray();
            lists.put(size, tokens);
        }
        return lists;
    }

    private static double number(String option, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(option + ": expected a positive number, found '" + text + "'");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": expected a number, found '" + text + "'");
        }
    }
}
