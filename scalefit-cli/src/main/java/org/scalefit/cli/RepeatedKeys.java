package org.scalefit.cli;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a {@code NAME=VALUE} option ({@code --set}, {@code --fix}, {@code --column}, …) that names one key twice,
 * in one list or across repeats: picocli puts each pair into a map, so that {@code --set E=1.69,…,E=5} would keep
 * E = 5 without a word. Checked before any command runs, as a usage error (exit 2).
 */
final class RepeatedKeys {

    private RepeatedKeys() {
    }

    /**
     * @throws ParameterException naming the option and the key given twice
     */
    static void refuse(ParseResult parsed) {
        for (ParseResult result = parsed; result != null; result = result.subcommand()) {
            for (OptionSpec option : result.matchedOptions()) {
                if (!Map.class.isAssignableFrom(option.type())) {
                    continue;
                }
                Set<String> keys = new HashSet<>();
                for (String argument : option.originalStringValues()) {
                    String[] pairs = option.splitRegex().isEmpty() ? new String[] {argument}
                            : argument.split(option.splitRegex());
                    for (String pair : pairs) {
                        String key = pair.split("=", 2)[0].strip();
                        if (!keys.add(key)) {
                            throw new ParameterException(result.commandSpec().commandLine(), option.longestName()
                                    + " gives " + key + " twice; give each once");
                        }
                    }
                }
            }
        }
    }
}
