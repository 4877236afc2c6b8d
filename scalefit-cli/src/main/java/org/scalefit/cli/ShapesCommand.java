package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.accounting.Architecture;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.ShapeSearchJson.LawResult;
import org.scalefit.io.ShapeSearchJson;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FeasibleShapes;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeOptima;
import org.scalefit.shapes.ShapePoint;
import org.scalefit.shapes.ShapeSearch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
                "With --feasible: the shapes within a tolerance of target sizes that satisfy the architecture's "
                        + "constraints (Gemstones' feasible model shapes)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage", "3:bad law file (file and field are printed)"})
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

    @Option(names = "--buckets", defaultValue = "13", paramLabel = "N",
            description = "Log-spaced FLOPs buckets. Default: ${DEFAULT-VALUE}.")
    int buckets;

    @Option(names = "--flops", defaultValue = "1e18:1e26", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "FLOPs range of the buckets. Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds flops;

    @Option(names = "--log10-tokens", defaultValue = "9:13.5", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "Token counts 10^LOW to 10^HIGH (Gemstones' --over_120: 8.5:13.5). "
                    + "Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds log10Tokens;

    @Option(names = "--grid-points", defaultValue = "1025,800,500", paramLabel = "W,D,T",
            description = "Points of the width, depth and token logspaces. Default: ${DEFAULT-VALUE} (Gemstones).")
    String gridPoints;

    @Option(names = "--params", defaultValue = "exact", paramLabel = "COUNT",
            description = "Parameter count fed to a law's params input: exact (embeddings included), no-embeds, "
                    + "relaxed-no-embeds (Gemstones' --relaxed grid), relaxed. Default: ${DEFAULT-VALUE}.")
    String params;

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

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out, csv);
        Architecture architecture = shape.architecture();
        if (feasible) {
            return listFeasible(architecture);
        }
        if (law == null) {
            throw new IllegalArgumentException("--law is required (or --feasible)");
        }
        int workers = threads.count();
        double[] flopRange = {flops.low(), flops.high()};
        double[] tokenRange = {log10Tokens.low(), log10Tokens.high()};
        int[] points = gridPoints();
        ShapeAccounting accounting = new ShapeAccounting(architecture, ParameterCount.fromLabel(params));
        FlopBuckets flopBuckets = FlopBuckets.logSpaced(flopRange[0], flopRange[1], buckets);
        List<Path> files = new ArrayList<>(List.of(law));
        if (law2 != null) {
            files.add(law2);
        }
        List<FittedLaw> laws = new ArrayList<>();
        for (Path file : files) {
            laws.add(LawFiles.read(file));
        }
        Parallelism parallelism = LocalParallelism.withThreads(workers);
        long begin = System.nanoTime();
        ShapeGrid grid = points[0] == 1025 && points[1] == 800 && points[2] == 500 && tokenRange[0] == 9
                && tokenRange[1] == 13.5 ? ShapeGrid.gemstones()
                : ShapeGrid.gemstones(points[0], points[1], tokenRange[0], tokenRange[1], points[2]);
        ShapeSearch search = ShapeSearch.over(grid, flopBuckets, accounting);
        List<ShapeOptima> optima = search.minimise(laws, parallelism);
        List<LawResult> results = new ArrayList<>();
        for (int i = 0; i < laws.size(); i++) {
            List<RelaxedShape> refined = relaxed
                    ? RelaxedShape.refineAll(laws.get(i), optima.get(i).optima(), accounting, parallelism) : List.of();
            results.add(new LawResult(i == 0 ? "law" : "law2", files.get(i).toString(),
                    LawFiles.sha256(files.get(i)), optima.get(i), refined));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        ShapeSearchJson json = new ShapeSearchJson();
        if (out != null) {
            AtomicFiles.writeString(out, json.scalefit(search, results, ScalefitVersion.current(), workers, seconds));
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, json.csv(results));
        }
        print(System.out, search, results, workers, seconds);
        return 0;
    }

    private int listFeasible(Architecture architecture) {
        List<Double> sizes = targets.isEmpty() ? FeasibleShapes.GEMSTONES_TARGETS : targets;
        List<FeasibleShapes.Shape> shapes = FeasibleShapes.enumerate(architecture, sizes, tolerance, 256, 8192, 128, 2,
                255);
        ShapeSearchJson json = new ShapeSearchJson();
        if (out != null) {
            AtomicFiles.writeString(out, json.feasible(shapes, architecture, tolerance, ScalefitVersion.current()));
        }
        if (csv != null) {
            AtomicFiles.writeString(csv, json.feasibleCsv(shapes, architecture));
        }
        PrintStream stdout = System.out;
        stdout.printf(Locale.ROOT, "feasible shapes within ±%.3g %% of each target: %d%n", tolerance * 100,
                shapes.size());
        for (double target : sizes) {
            List<String> listed = shapes.stream().filter(s -> s.target() == target)
                    .map(s -> s.width() + "x" + s.depth()).toList();
            stdout.printf(Locale.ROOT, "  %-8.4g %4d  %s%n", target, listed.size(), String.join(" ", listed));
        }
        return 0;
    }

    private void print(PrintStream stdout, ShapeSearch search, List<LawResult> results, int workers, double seconds) {
        ShapeGrid grid = search.grid();
        stdout.printf(Locale.ROOT, "shape search: %d widths, %d shapes x %d token counts = %d rows, %d with FLOPs in "
                        + "[%.3g, %.3g]; %d buckets; params %s; %.2f s on %d threads%n", grid.widthCount(),
                grid.shapeCount(), grid.tokenCount(), grid.rowCount(), results.get(0).optima().rowsInRange(),
                search.buckets().low(), search.buckets().high(), search.buckets().count(),
                search.accounting().parameterCount().label(), seconds, workers);
        for (LawResult result : results) {
            stdout.printf(Locale.ROOT, "%n%s %s (%s): grid optimum per FLOPs bucket%n", result.role(),
                    result.optima().law().form().name(), result.file());
            LawCautions.print(stdout, result.file(), result.optima().law().warnings());
            stdout.printf(Locale.ROOT, "  %-9s %9s %8s %8s %9s %11s %11s %9s %9s%n", "FLOPs<=", "width", "depth",
                    "w/d", "params", "tokens", "tokens/N", "loss", "");
            List<BucketOptimum> optima = result.optima().optima();
            for (int i = 0; i < optima.size(); i++) {
                BucketOptimum optimum = optima.get(i);
                line(stdout, String.format(Locale.ROOT, "%.3g", optimum.upperFlops()), optimum.point(), "grid");
                if (!result.relaxed().isEmpty()) {
                    RelaxedShape refined = result.relaxed().get(i);
                    line(stdout, "", refined.relaxed(), (refined.improved() ? "relaxed" : "(grid)")
                            + (refined.atBound() ? "*" : ""));
                    line(stdout, "", refined.rounded(), "rounded");
                }
            }
        }
        if (results.stream().anyMatch(r -> r.relaxed().stream().anyMatch(RelaxedShape::atBound))) {
            stdout.printf(Locale.ROOT, "%n* on or outside a bound of the relaxed box (width >= 256, depth >= 2): the "
                    + "law wants a shape beyond it; (grid): no real-valued shape in the box beats the grid row.%n");
        }
    }

    private static void line(PrintStream stdout, String flops, ShapePoint point, String kind) {
        stdout.printf(Locale.ROOT, "  %-9s %9.1f %8.2f %8.2f %9.3g %11.4g %11.4g %9.5f %9s%n", flops, point.width(),
                point.depth(), point.ratio(), point.params(), point.tokens(), point.tokensPerParam(), point.loss(),
                kind);
    }

    private int[] gridPoints() {
        String[] parts = gridPoints.split(",");
        try {
            if (parts.length == 3) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()),
                        Integer.parseInt(parts[2].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--grid-points expects W,D,T (three integers), got '" + gridPoints + "'");
    }
}
