package org.scalefit.cli;

import java.util.List;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.io.analysis.HeldOutRequest;
import org.scalefit.law.LawForm;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.NamedLaws;
import picocli.CommandLine.ParseResult;

/**
 * The law {@code scalefit rollout} evaluates, from its options, as {@code scalefit fit} takes them: a built-in law
 * ({@code --law chinchilla|width-depth|width-depth-params}, Huber δ, {@code --grid}) refuses the options of a law
 * written as text; a law written as text, named in the law language or read from a law file takes them
 * ({@link LawOptions}) and refuses {@code --grid} (it starts from its parameters' start values). A law written on the
 * command line is named by its text.
 */
final class RolloutLaw {

    /** The options that shape a law written as text or file ({@link LawOptions}), in their help order. */
    private static final List<String> TEXT_LAW_OPTIONS = List.of("--input", "--fix", "--tie", "--log", "--bounds",
            "--start", "--residual", "--objective", "--kappa", "--weights");

    private RolloutLaw() {
    }

    /**
     * The law named or written in {@code law} under {@code options}; {@code delta} and {@code grid} are the options'
     * values, {@code parsed} says which options were given.
     *
     * @throws IllegalArgumentException for an option the law cannot take, or a bad law
     */
    static HeldOutLaw of(String law, LawOptions options, ParseResult parsed, double delta, String grid) {
        if (options.lawFile != null || !LawOptions.isBuiltInForm(law)) {
            if (parsed.hasMatchedOption("--grid")) {
                throw new IllegalArgumentException("--grid is for the built-in laws; a law written as text or file "
                        + "starts from its parameters' start values (--start NAME=V1,V2,…)");
            }
            ExpressionLaw written = options.law(law, parsed.hasMatchedOption("--delta"), delta);
            return HeldOutLaw.Written.of(options.lawFile != null || NamedLaws.exists(law) ? written
                    : written.withName(law.strip()));
        }
        List<String> given = TEXT_LAW_OPTIONS.stream().filter(parsed::hasMatchedOption).toList();
        if (!given.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", given) + ": for a law written as text or file "
                    + "(e.g. --law 'E + A/N^alpha + B/D^beta'), not for the built-in law " + law);
        }
        LawForm form = LawForm.named(law);
        return HeldOutRequest.builtIn(form, delta, HeldOutRequest.grid(grid, form));
    }
}
