package org.scalefit.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.analysis.ParabolaRequest;
import org.scalefit.io.analysis.ParabolaResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit parabola}: Gemstones' overtraining parabola — for chosen FLOPs budgets, the relaxed optimal shape
 * of a width–depth law, then for each overtraining factor f the shape of least predicted loss that spends the same
 * FLOPs on √f times the tokens, with industry models as reference lines.
 */
@Command(name = "parabola", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Overtraining parabola (Gemstones): for each chosen FLOPs bucket, the relaxed optimum of the law "
                + "(as `scalefit shapes --relaxed`: width >= 256, depth >= 2), then for each factor f the shape "
                + "(width >= 256, depth >= 1) of least predicted loss with flops_per_token(w, d) = FLOPs / (tokens * "
                + "sqrt(f)), solved exactly on the constraint. Shapes with width <= 257 or depth <= 2 are flagged "
                + "'edge' (Gemstones drops them). The two depth bounds are Gemstones' own; when a factor's shape at "
                + "depth < 2 beats the optimum (a law that rewards parameters whatever the shape, e.g. chinchilla, "
                + "goes to depth 1) the budget gets a note and the shape `below_optimum` in the JSON. "
                + "Industry models whose loss lies within the band around a budget's interior losses are listed "
                + "with it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad law, industry or bootstrap file (file and field are printed)", "130:interrupted"})
final class ParabolaCommand implements Callable<Integer> {

    @Option(names = "--law", required = true, paramLabel = "FIT.json",
            description = "The law minimised: a `scalefit fit` result or Gemstones approach_3 file, e.g. "
                    + "width-depth-params.")
    Path law;

    @Option(names = "--law2", paramLabel = "FIT.json",
            description = "A second law evaluated at every shape found, e.g. a params/tokens (chinchilla) fit.")
    Path law2;

    @Option(names = "--rows", defaultValue = "2,5,9,12", split = ",", paramLabel = "I",
            description = "The buckets (0-based) whose optima get a parabola (Gemstones' mins.iloc rows). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<Integer> rows;

    @Option(names = "--factors", defaultValue = "-4:4", paramLabel = "LOW:HIGH",
            description = "Overtraining factors 2^LOW, 2^(LOW+1), ..., 2^HIGH (integers). Default: ${DEFAULT-VALUE}.")
    String factors;

    @Option(names = "--bootstrap", paramLabel = "BOOT.json",
            description = "Bands of the parabolas: the bootstrap of --law's fit with every replicate's parameters "
                    + "(scalefit bootstrap --fit FIT.json --draws --out BOOT.json). Each replicate's own parabola is "
                    + "traced through the same buckets; per bucket and factor, the median and the bootstrap's "
                    + "percentile band (its --level) of the loss penalty L(f)/L(1) - 1 and of the shape's width, "
                    + "depth and tokens.")
    Path bootstrap;

    /**
     * The shape search that finds the budgets' optima, as for {@code scalefit shapes}: its {@code --params} is the
     * parameter count of that search; the parabola itself always uses the relaxed count with embeddings, as Gemstones.
     */
    @Mixin
    ShapeSearchOptions grid = new ShapeSearchOptions();

    @Mixin
    IndustryOptions industry = new IndustryOptions();

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE.")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "Format of --out: json or csv. Default: ${DEFAULT-VALUE}.")
    Format format;

    /** The formats of {@code --out}. */
    enum Format {
        JSON, CSV;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        ParabolaRequest.Industry shown = industry.industry();
        List<Double> overtraining = NumberRanges.powersOfTwo("--factors", factors);
        ParabolaRequest request = new ParabolaRequest(law, law2, grid.search(shape.architecture()), rows,
                overtraining, shown, bootstrap);
        ParabolaResult result;
        try (TerminalProgress progress = TerminalProgress.start("parabola replicates", bootstrap == null ? 0
                : FitBootstrapDocument.read(bootstrap).bootstrap().replicates())) {
            result = request.run(threads.local(), progress);
        }
        if (out != null) {
            AtomicFiles.writeString(out, format == Format.CSV ? result.csv() : result.document().write());
        }
        new ParabolaPrinter(System.out).print(result.analysis(), result.run());
        return 0;
    }
}
