package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.scalefit.data.RunTable;
import org.scalefit.fit.LawFit;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.DeltaGridDocument;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.EngineProvider;
import org.scalefit.sensitivity.AllocationSlopes;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.DeltaGridSweep;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code scalefit sensitivity delta-grid}: Gemstones' δ × grid-size sensitivity of the params/tokens law and its
 * allocation slope ({@code slope_analysis.py}).
 */
@Command(name = "delta-grid", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit the params/tokens law L = E + A/N^α + B/D^β for every Huber δ and start-grid size "
                + "(Gemstones' slope_analysis.py: grid create_param_search_array(2, g)), and report the best "
                + "objective, the law and the allocation slopes b = α/(α+β) (D_opt ∝ C^b) and a = β/(α+β) "
                + "(N_opt ∝ C^a)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every fit converged", "1:I/O error (e.g. an output that cannot be written)", "2:bad usage", "3:bad input data (file, line and column are printed)",
                "4:some fit had no converged start, or its best point failed the stationarity test (its row says "
                        + "NOT CONVERGED)",
                "5:the data cannot identify the law (too few points or distinct values per input, a constant input, "
                        + "nearly collinear log inputs): no fit is made, the reasons are printed",
                "130:interrupted"})
final class DeltaGridCommand implements Callable<Integer> {

    @Mixin
    DataOptions input = new DataOptions();

    @Option(names = "--deltas", split = ",", converter = DeltaOption.Threshold.class, defaultValue = "1e-3,1e-4,1e-5", paramLabel = "δ",
            description = "Huber thresholds, comma-separated. Default: ${DEFAULT-VALUE} (Gemstones).")
    List<Double> deltas = new ArrayList<>();

    @Option(names = "--grid-sizes", split = ",", paramLabel = "G",
            description = "Target start-grid sizes, comma-separated. Default: Gemstones' 20 sizes 3000, 4000, …, "
                    + "9000, 10000, 15000, …, 45000, 50000, 60000, …, 90000 (607 824 starts per δ).")
    List<Long> gridSizes;

    @Mixin
    TransformOptions transform = new TransformOptions();

    @Mixin
    SearchOptions search = new SearchOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the results as JSON to FILE.")
    Path out;

    @Mixin
    EngineOptions engine = new EngineOptions();

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        List<DeltaGridPoint.Configuration> configurations = DeltaGridSweep.configurations(deltas,
                gridSizes == null ? DeltaGridSweep.gemstonesGridSizes() : gridSizes);
        FitInputs inputs = FitInputs.read(input.source(), LawForm.CHINCHILLA, transform.transforms(), List.of());
        RunTable table = inputs.table();
        List<String> transforms = inputs.transforms();
        int workers;
        long begin;
        List<DeltaGridPoint> points;
        try (EngineProvider.Engine parallelism = engine.open()) {
            workers = parallelism.threads();
            begin = System.nanoTime();
            try (TerminalProgress progress = TerminalProgress.start("delta-grid",
                    DeltaGridSweep.totalStarts(configurations))) {
                points = DeltaGridSweep.run(inputs.observations(), configurations,
                        search.options(), parallelism, progress);
            }
        }
        double seconds = (System.nanoTime() - begin) / 1e9;
        if (out != null) {
            FitProvenance provenance = new FitProvenance(table.source(), table.contentHash(), transforms,
                    ScalefitVersion.current());
            AtomicFiles.writeString(out, DeltaGridDocument.of(points, provenance,
                    new RunTiming(workers, seconds)).write());
        }
        print(System.out, table.rows(), points, workers, seconds);
        LawFit notIdentified = points.stream().map(DeltaGridPoint::fit)
                .filter(fit -> fit.status() == LawFit.Status.NOT_IDENTIFIED).findFirst().orElse(null);
        if (notIdentified != null) {
            System.err.println(Wording.notIdentified("scalefit sensitivity delta-grid"));
            return ScalefitCommand.EXIT_NOT_IDENTIFIED;
        }
        return points.stream().allMatch(point -> point.fit().succeeded()) ? 0 : ScalefitCommand.EXIT_FIT_FAILED;
    }

    private static void print(PrintStream out, int rows, List<DeltaGridPoint> points, int threads, double seconds) {
        out.printf(Locale.ROOT, "params/tokens law on %s, %s, %.2f s on %s%n", Counts.of(rows, "point"),
                Counts.of(points.size(), "configuration"), seconds, Counts.of(threads, "thread"));
        out.printf(Locale.ROOT, "%-8s %7s %-9s %7s %16s %9s %9s %10s %12s %9s %9s %9s%n", "δ", "target",
                "e×c×r", "starts", Wording.OBJECTIVE, "alpha", "beta", "A", "B", "E", "b=slope", "a");
        for (DeltaGridPoint point : points) {
            LawFit fit = point.fit();
            String grid = point.grid().exponentValues() + "×" + point.grid().coefficientValues() + "×"
                    + point.grid().errorValues();
            if (!fit.hasOptimum()) {
                out.printf(Locale.ROOT, "%-8s %7d %-9s %7d %s%n", Wording.exact(point.delta()),
                        point.grid().target(), grid,
                        point.grid().size(), fit.status() == LawFit.Status.NOT_IDENTIFIED
                                ? "NOT IDENTIFIED: the data cannot identify the law; no fit was made"
                                : "FAILED: no start converged");
                for (String warning : fit.warnings()) {
                    out.println("  " + warning);
                }
                continue;
            }
            double[] theta = fit.parameters();
            AllocationSlopes slopes = point.slopes();
            out.printf(Locale.ROOT, "%-8s %7d %-9s %7d %15.10e %9.6f %9.6f %10.4f %12.6g %9.6f %9.6f %9.6f%n",
                    Wording.exact(point.delta()), point.grid().target(), grid, point.grid().size(), fit.loss(),
                    theta[0], theta[1],
                    Math.exp(theta[2]), Math.exp(theta[3]), Math.exp(theta[4]), slopes.tokens(), slopes.params());
            if (!fit.succeeded()) {
                out.println("  " + Wording.notConverged(fit.status().label()));
            }
            for (String warning : fit.warnings()) {
                out.println("  warning: " + warning);
            }
        }
    }
}
