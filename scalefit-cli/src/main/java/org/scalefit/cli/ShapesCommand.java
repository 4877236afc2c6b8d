package org.scalefit.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.analysis.FeasibleShapesRequest;
import org.scalefit.io.analysis.FeasibleShapesResult;
import org.scalefit.io.analysis.ShapeSearchRequest;
import org.scalefit.io.analysis.ShapeSearchResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code scalefit shapes}: width–depth prescriptions — per FLOPs bucket, the model shape and token count a fitted
 * law predicts best, by Gemstones' brute-force grid and optionally refined over real-valued shapes; or the feasible
 * model shapes near target sizes.
 */
@Command(name = "shapes", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Width-depth prescriptions: for each FLOPs bucket, the grid row (width, depth, tokens) of least "
                + "predicted loss under each law, over Gemstones' brute-force grid (1025 widths x up to 800 depths x "
                + "500 token counts), streamed in parallel; with --relaxed, each optimum refined over real-valued "
                + "shapes at its exact FLOPs and rounded to a buildable shape.",
                "",
                "With --bootstrap: the bands of --law's prescriptions over the replicates of a bootstrap of its fit.",
                "",
                "With --feasible: the shapes within a tolerance of target sizes that satisfy the architecture's "
                        + "constraints (Gemstones' feasible model shapes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage",
                "3:bad law or bootstrap file (file and field are printed)", "130:interrupted"})
final class ShapesCommand implements Callable<Integer> {

    @Option(names = "--law", paramLabel = "FIT.json",
            description = "A law fitted by `scalefit fit` (either format) on width, depth, params and/or tokens, "
                    + "e.g. width-depth or width-depth-params.")
    Path law;

    @Option(names = "--law2", paramLabel = "FIT.json",
            description = "A second law searched in the same pass, e.g. a params/tokens (chinchilla) fit.")
    Path law2;

    @Option(names = "--relaxed",
            description = "Refine each bucket optimum over real-valued width and depth at its FLOPs, and round it to "
                    + "a buildable shape (width a multiple of head size x queries per group). Every law is refined "
                    + "(Gemstones refines the width-depth law only).")
    boolean relaxed;

    @Option(names = "--bootstrap", paramLabel = "BOOT.json",
            description = "Bands of --law's prescriptions: the bootstrap of its fit with every replicate's "
                    + "parameters (scalefit bootstrap --fit FIT.json --draws --out BOOT.json). Each replicate law is "
                    + "searched in the same pass; per bucket, the median and the bootstrap's percentile band "
                    + "(its --level) of width, depth, tokens, params, FLOPs, w/d, tokens/N and loss, each on its own.")
    Path bootstrap;

    @Mixin
    ShapeSearchOptions search = new ShapeSearchOptions();

    @Option(names = "--feasible", description = "List the feasible model shapes instead (no law needed).")
    boolean feasible;

    @Option(names = "--targets", split = ",", paramLabel = "N",
            description = "Target sizes for --feasible. Default: 50e6,100e6,500e6,1e9,2e9,4e9,7e9.")
    List<Double> targets = new ArrayList<>();

    @Option(names = "--tolerance", defaultValue = "0.05", paramLabel = "F",
            description = "Relative size tolerance for --feasible. Default: ${DEFAULT-VALUE}.")
    double tolerance;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result as JSON to FILE.")
    Path out;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the result as CSV to FILE.")
    Path csv;

    /** The options of a law's search, which --feasible does not use. */
    private static final List<String> SEARCH_OPTIONS = List.of("--law", "--law2", "--relaxed", "--buckets", "--flops",
            "--log10-tokens", "--grid-points", "--params");
    /** The options of --feasible, which a law's search does not use. */
    private static final List<String> FEASIBLE_OPTIONS = List.of("--targets", "--tolerance");

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out, csv);
        ShapesPrinter printer = new ShapesPrinter(System.out);
        if (feasible && bootstrap != null) {
            throw new IllegalArgumentException("--bootstrap gives bands of a law's prescriptions; --feasible lists "
                    + "shapes without a law");
        }
        List<String> otherMode = (feasible ? SEARCH_OPTIONS : FEASIBLE_OPTIONS).stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!otherMode.isEmpty()) {
            throw new IllegalArgumentException(String.join(", ", otherMode) + (feasible
                    ? ": for a law's shape search, not for --feasible" : ": for --feasible (the feasible shapes), "
                    + "not for a law's shape search"));
        }
        if (feasible) {
            FeasibleShapesResult result = new FeasibleShapesRequest(shape.architecture(), targets, tolerance).run();
            write(result.document().write(), result.csv());
            printer.print(result);
            return 0;
        }
        if (law == null) {
            throw new IllegalArgumentException("--law is required (or --feasible)");
        }
        List<Path> laws = law2 == null ? List.of(law) : List.of(law, law2);
        ShapeSearchRequest request = new ShapeSearchRequest(laws, search.search(shape.architecture()), relaxed,
                bootstrap);
        ShapeSearchResult result;
        try (TerminalProgress progress = TerminalProgress.start("shapes", request.search().grid().widthCount())) {
            result = request.run(threads.local(), progress);
        }
        write(result.document().write(), result.csv());
        printer.print(result);
        return 0;
    }

    private void write(String document, String table) {
        if (out != null) {
            AtomicFiles.writeString(out, document);
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, table);
        }
    }
}
