package org.scalefit.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.FrontierResultJson;
import org.scalefit.io.analysis.FrontierRequest;
import org.scalefit.io.analysis.FrontierResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code scalefit frontier}: Approach 1, the convex-hull frontier of loss against FLOPs or GPU-hours and the power
 * laws of parameters, tokens and tokens per parameter along it.
 */
@Command(name = "frontier", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Approach 1: the runs on the convex-hull frontier of loss against a resource (FLOPs or "
                + "GPU-hours), and log-log fits of their parameters, tokens and tokens per parameter against it.",
                "",
                "The table needs tokens, loss and params, or width and depth (and step, num_nodes, seconds_per_step "
                        + "for GPU-hours). FLOPs: 6ND on the file's params unless --flops COLUMN or --flop-count is "
                        + "given; Gemstones' exact count from the shape when there is no params column."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage or degenerate data (e.g. a single frontier run)",
                "3:bad input data (file, line and column are printed)"})
final class FrontierCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--resource", defaultValue = "flops", paramLabel = "R", converter = ResourceConverter.class,
            description = "flops or gpu-hours. Default: ${DEFAULT-VALUE}.")
    FrontierRequest.Resource resource;

    @Mixin
    ComputeOptions compute = new ComputeOptions();

    @Option(names = "--no-embeds", description = "Count parameters without embedding and LM head (vocabulary 0).")
    boolean noEmbeds;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Option(names = "--bootstrap", defaultValue = "1000", paramLabel = "N",
            description = "Pairs-bootstrap resamples for 95%% intervals (0: none). Default: ${DEFAULT-VALUE}.")
    int resamples;

    @Mixin
    SeedOption seeded = new SeedOption();

    @Option(names = "--tokens", paramLabel = "LOW:HIGH", converter = NumberRanges.BoundsConverter.class,
            description = "Keep only runs (checkpoints) with tokens in [LOW, HIGH], e.g. 299e9:301e9 for Gemstones' "
                    + "overspending analysis at 300B tokens (one checkpoint per model).")
    NumberRanges.Bounds tokenRange;

    @Option(names = "--bins", defaultValue = "0", paramLabel = "N",
            description = "Also list Chinchilla's binning minimisers over N log-spaced bins.")
    int bins;

    @Option(names = "--drop-dominated",
            description = "Leave out of the frontier, and of its fits and overspends, every hull run that an earlier "
                    + "frontier run dominates (less resource, loss at most as high): a strict Pareto frontier. "
                    + "Gemstones' rule compares each hull vertex with the one before it only and keeps such runs "
                    + "(the default, which reproduces their numbers; the output warns about each).")
    boolean dropDominated;

    @Option(names = "--out", paramLabel = "PATH",
            description = "Write JSON: a file (scalefit format) or a directory (gemstones format: the three "
                    + "approach_1_linear_regression_*.json files).")
    Path out;

    @Option(names = "--format", defaultValue = "scalefit", paramLabel = "FORMAT",
            description = "scalefit or gemstones. Default: ${DEFAULT-VALUE}.")
    DocumentFormat format;

    @Override
    public Integer call() {
        if (format == DocumentFormat.GEMSTONES) {
            OutputPaths.requireWritableDirectory(out);
        } else {
            OutputPaths.requireWritableFiles(out);
        }
        FrontierResult result = new FrontierRequest(input.source(), resource,
                compute.costs(shape.architecture(), noEmbeds), tokenRange == null ? null
                : new FrontierRequest.TokenWindow(tokenRange.low(), tokenRange.high()), resamples, seeded.seed,
                bins, dropDominated).run();
        Approach1 analysis = result.analysis();
        if (out != null) {
            if (format == DocumentFormat.GEMSTONES) {
                FrontierResultJson json = new FrontierResultJson();
                String suffix = noEmbeds ? "_no_embeds" : "";
                AtomicFiles.writeString(out.resolve("approach_1_linear_regression_params" + suffix + ".json"),
                        json.gemstones(analysis.params(), "params"));
                AtomicFiles.writeString(out.resolve("approach_1_linear_regression_tokens" + suffix + ".json"),
                        json.gemstones(analysis.tokens(), "tokens"));
                AtomicFiles.writeString(out.resolve("approach_1_linear_regression_tokens_per_param" + suffix
                        + ".json"), json.gemstones(analysis.tokensPerParam(), "tokens_per_param"));
            } else {
                AtomicFiles.writeString(out, result.document().write());
            }
        }
        RunTable table = result.table();
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        double[] width = shapes ? table.column("width") : null;
        double[] depth = shapes ? table.column("depth") : null;
        FrontierPrinter printer = new FrontierPrinter(System.out, resource.label(),
                resource == FrontierRequest.Resource.FLOPS ? flopsSource(result) : null);
        printer.print(analysis, result.warnings(), table, width, depth, result.costs().params(),
                table.column("tokens"), dropDominated);
        printer.printLargestOverspends(result.overspending(), table, width, depth, 5);
        return 0;
    }

    /** Where the FLOPs came from, as the printout's header says it: a column, 6·N·D, or a count from the shape. */
    private static String flopsSource(FrontierResult result) {
        String label = result.costs().flopsLabel();
        if (label.equals("FLOPs column")) {
            String column = result.request().costs().flopsColumn();
            return "flops from column " + (column != null ? column
                    : result.request().data().mapping().fileColumn(RunCompute.FLOPS));
        }
        return label.equals("6ND") ? "flops = 6·N·D on params and tokens; --flops COLUMN reads them from a column"
                : "flops counted by " + label;
    }

    /** {@code --resource} by its label ({@code flops}, {@code gpu-hours}). */
    static final class ResourceConverter implements ITypeConverter<FrontierRequest.Resource> {
        @Override
        public FrontierRequest.Resource convert(String label) {
            try {
                return FrontierRequest.Resource.named(label);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
