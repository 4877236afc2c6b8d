package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.io.AllocationDocument;
import org.scalefit.io.AllocationRules;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.law.Allocation;
import org.scalefit.law.AllocationRule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code scalefit allocate}: the compute-optimal model size and token count of a law at given budgets. As
 * {@code predict}, it prints its table on standard output and what qualifies the table — the fit's cautions, budgets
 * beyond the runs, an unchecked range — on standard error, so that the output stays the allocations alone.
 */
@Command(name = "allocate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compute-optimal parameters N, tokens D and tokens per parameter for budgets C ≈ 6ND, from a "
                + "fitted params/tokens law (Chinchilla eq. 4; a law written as text: numerically) or a reference "
                + "law."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage", "3:bad fit file"})
final class AllocateCommand implements Callable<Integer> {

    @Option(names = "--law", required = true, paramLabel = "FIT.json|chinchilla|epoch|kaplan",
            description = "A params/tokens fit written by `scalefit fit` (either format, or of a law written as "
                    + "text whose inputs read params and tokens), or a reference law: "
                    + "chinchilla (Hoffmann et al. 2022), epoch (Besiroglu et al. 2024), kaplan (Kaplan et al. 2020).")
    String law;

    @Option(names = "--compute", required = true, paramLabel = "C",
            converter = NumberRanges.ValuesConverter.class,
            description = "Training budgets in FLOPs: comma-separated, e.g. 1e21,1e22, or log-spaced ranges "
                    + "LOW:HIGH[:FACTOR] (FACTOR 10 unless given), e.g. 1e21:1e24 for 1e21,1e22,1e23,1e24.")
    NumberRanges.Values compute;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Write the allocations to FILE: CSV if FILE ends in .csv, JSON otherwise.")
    Path out;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        AllocationRule rule = AllocationRules.named(law);
        double[] budgets = compute.values().stream().mapToDouble(Double::doubleValue).toArray();
        List<String> warnings = AllocationRules.warnings(law);
        List<Allocation> allocations = rule.at(budgets);
        List<String> extrapolations = AllocationRules.extrapolations(law, allocations);
        Optional<String> unchecked = AllocationRules.uncheckedExtrapolation(law);
        AllocationDocument document = AllocationDocument.of(law, AllocationRules.referenceSource(law), warnings,
                extrapolations, unchecked, rule, allocations, ScalefitVersion.current());
        if (out != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            AtomicFiles.writeString(out, document.csv());
        } else if (out != null) {
            AtomicFiles.writeString(out, document.write());
        }
        PrintStream stdout = System.out;
        String source = AllocationRules.referenceSource(law);
        stdout.printf(Locale.ROOT, "compute-optimal allocation under %s%s%n", law,
                source.isEmpty() ? "" : " (" + source + ")");
        LawCautions.print(System.err, law, warnings);
        extrapolations.forEach(warning -> System.err.println("warning: " + warning));
        unchecked.ifPresent(note -> System.err.println("note: " + note));
        stdout.printf(Locale.ROOT, "  %-10s %14s %14s %12s %10s%n", "C (FLOPs)", "N_opt", "D_opt", "D/N", "loss");
        for (Allocation a : allocations) {
            stdout.printf(Locale.ROOT, "  %-10.3g %14.6g %14.6g %12.4g %10s%n", a.compute(), a.params(), a.tokens(),
                    a.tokensPerParam(), Double.isNaN(a.predictedLoss()) ? "-"
                            : String.format(Locale.ROOT, "%.5f", a.predictedLoss()));
        }
        return 0;
    }
}
