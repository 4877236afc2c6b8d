package org.scalefit.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.scalefit.accounting.Architecture;
import org.scalefit.io.AtomicFiles;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ParabolaJson.Analysis;
import org.scalefit.io.ParabolaJson.LawInput;
import org.scalefit.io.ParabolaJson.Panel;
import org.scalefit.io.ParabolaJson;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.BucketOptimum;
import org.scalefit.shapes.FlopBuckets;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.RelaxedShape;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeGrid;
import org.scalefit.shapes.ShapeSearch;
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
                + "(as `scalefit shapes --relaxed`), then for each factor f the shape (width >= 256, depth >= 1) of "
                + "least predicted loss with flops_per_token(w, d) = FLOPs / (tokens * sqrt(f)), solved exactly on "
                + "the constraint. Shapes with width <= 257 or depth <= 2 are flagged 'edge' (Gemstones drops them). "
                + "Industry models whose loss lies within the band around a budget's interior losses are listed "
                + "with it."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "2:bad usage", "3:bad law or industry file (file and field are printed)"})
final class ParabolaCommand implements Callable<Integer> {

    @Option(names = "--law", required = true, paramLabel = "FIT.json",
            description = "The law minimised: a `scalefit fit` result or Gemstones approach_3 file, e.g. "
                    + "width-depth-params.")
    Path law;

    @Option(names = "--law2", paramLabel = "FIT.json",
            description = "A second law evaluated at every shape found, e.g. a params/tokens (chinchilla) fit.")
    Path law2;

    @Option(names = "--flops", defaultValue = "1e18:1e26", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "FLOPs range of the search's buckets. Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds flops;

    @Option(names = "--buckets", defaultValue = "13", paramLabel = "N",
            description = "Log-spaced FLOPs buckets of the search. Default: ${DEFAULT-VALUE}.")
    int buckets;

    @Option(names = "--rows", defaultValue = "2,5,9,12", split = ",", paramLabel = "I",
            description = "The buckets (0-based) whose optima get a parabola (Gemstones' mins.iloc rows). "
                    + "Default: ${DEFAULT-VALUE}.")
    List<Integer> rows;

    @Option(names = "--factors", defaultValue = "-4:4", paramLabel = "LOW:HIGH",
            description = "Overtraining factors 2^LOW, 2^(LOW+1), ..., 2^HIGH (integers). Default: ${DEFAULT-VALUE}.")
    String factors;

    @Option(names = "--params", defaultValue = "exact", paramLabel = "COUNT",
            description = "Parameter count of the shape search that finds the budgets' optima, as for `scalefit "
                    + "shapes` (Gemstones' cache used relaxed-no-embeds). The parabola itself always uses the relaxed "
                    + "count with embeddings, as Gemstones. Default: ${DEFAULT-VALUE}.")
    String params;

    @Option(names = "--log10-tokens", defaultValue = "9:13.5", paramLabel = "LOW:HIGH",
            converter = NumberRanges.BoundsConverter.class,
            description = "Token counts of the search grid, 10^LOW to 10^HIGH. Default: ${DEFAULT-VALUE}.")
    NumberRanges.Bounds log10Tokens;

    @Option(names = "--industry", paramLabel = "FILE",
            description = "Industry models (Gemstones' our_val_loss_data.json form). Default: the bundled table.")
    Path industry;

    @Option(names = "--no-industry", description = "List no industry models.")
    boolean noIndustry;

    @Option(names = "--industry-exclude", defaultValue = "meta-llama/Llama-3.1-70B", split = ",", paramLabel = "NAME",
            description = "Industry models left out, by Hugging Face or short name; '' for none. Default: "
                    + "${DEFAULT-VALUE} (left out of Gemstones' figure).")
    List<String> industryExclude;

    @Option(names = "--industry-band", defaultValue = "0.01", paramLabel = "L",
            description = "Industry models whose loss lies within [min - L, max + L] of a budget's interior "
                    + "losses are listed. Default: ${DEFAULT-VALUE}.")
    double industryBand;

    @Mixin
    ArchitectureOptions shape = new ArchitectureOptions();

    @Mixin
    ThreadsOptions threads = new ThreadsOptions();

    @Option(names = "--out", paramLabel = "FILE", description = "Write the result to FILE.")
    Path out;

    @Option(names = "--format", defaultValue = "json", paramLabel = "FORMAT",
            description = "Format of --out: json or csv. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFiles(out);
        if (!format.equals("json") && !format.equals("csv")) {
            throw new IllegalArgumentException("--format must be json or csv, was '" + format + "'");
        }
        if (!(industryBand >= 0) || Double.isInfinite(industryBand)) {
            throw new IllegalArgumentException("--industry-band must be a finite number >= 0, was " + industryBand);
        }
        int workers = threads.count();
        List<Double> overtraining = factors();
        double[] flopRange = {flops.low(), flops.high()};
        double[] tokenRange = {log10Tokens.low(), log10Tokens.high()};
        Architecture architecture = shape.architecture();
        ShapeAccounting searchAccounting = new ShapeAccounting(architecture, ParameterCount.fromLabel(params));
        ShapeAccounting parabolaAccounting = new ShapeAccounting(architecture, ParameterCount.RELAXED);
        FlopBuckets flopBuckets = FlopBuckets.logSpaced(flopRange[0], flopRange[1], buckets);
        for (int row : rows) {
            if (row < 0 || row >= buckets) {
                throw new IllegalArgumentException("--rows: bucket " + row + " is not in 0.." + (buckets - 1));
            }
        }
        List<LawInput> laws = new ArrayList<>();
        laws.add(lawInput("law", law));
        if (law2 != null) {
            laws.add(lawInput("law2", law2));
        }
        Optional<IndustryModels> models = Optional.empty();
        List<String> excluded = industryExclude.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (!noIndustry) {
            IndustryModels all = industry != null ? IndustryModels.read(industry) : IndustryModels.bundled();
            models = Optional.of(all.excluding(excluded));
        }

        long begin = System.nanoTime();
        Parallelism parallelism = LocalParallelism.withThreads(workers);
        ShapeGrid grid = tokenRange[0] == 9 && tokenRange[1] == 13.5 ? ShapeGrid.gemstones()
                : ShapeGrid.gemstones(1025, 800, tokenRange[0], tokenRange[1], 500);
        ShapeSearch search = ShapeSearch.over(grid, flopBuckets, searchAccounting);
        FittedLaw minimised = laws.get(0).law();
        Optional<FittedLaw> second = laws.size() > 1 ? Optional.of(laws.get(1).law()) : Optional.empty();
        List<BucketOptimum> optima = search.minimise(List.of(minimised), parallelism).get(0).optima();
        List<BucketOptimum> chosen = new ArrayList<>();
        for (int row : rows) {
            chosen.add(optima.stream().filter(o -> o.bucket() == row).findFirst().orElseThrow(() ->
                    new IllegalArgumentException("--rows: bucket " + row + " has no grid row with FLOPs in range")));
        }
        List<RelaxedShape> refined = RelaxedShape.refineAll(minimised, chosen, searchAccounting, parallelism);
        List<Panel> panels = new ArrayList<>();
        for (RelaxedShape row : refined) {
            OvertrainingParabola parabola = OvertrainingParabola.trace(minimised, second, parabolaAccounting,
                    row.grid().bucket(), row.relaxed(), overtraining);
            List<IndustryModels.Model> drawn = models.map(m -> m.near(parabola, industryBand)).orElse(List.of());
            panels.add(new Panel(row, parabola, drawn));
        }
        double seconds = (System.nanoTime() - begin) / 1e9;

        Analysis analysis = new Analysis(search, laws, parabolaAccounting, overtraining, models, industryBand,
                excluded, panels);
        ParabolaJson json = new ParabolaJson();
        if (out != null) {
            AtomicFiles.writeString(out, format.equals("csv") ? json.csv(analysis)
                    : json.scalefit(analysis, ScalefitVersion.current(), workers, seconds));
        }
        print(System.out, analysis, second.isPresent(), workers, seconds);
        return 0;
    }

    private void print(PrintStream stdout, Analysis analysis, boolean hasSecond, int workers, double seconds) {
        LawInput minimised = analysis.laws().get(0);
        stdout.printf(Locale.ROOT, "overtraining parabola of %s (%s); search params %s, parabola params relaxed "
                        + "(embeddings included); %.2f s on %d threads%n", minimised.law().form().name(),
                minimised.file(), analysis.search().accounting().parameterCount().label(), seconds, workers);
        for (LawInput law : analysis.laws()) {
            LawCautions.print(stdout, law.file(), law.law().warnings());
        }
        for (Panel panel : analysis.panels()) {
            OvertrainingParabola parabola = panel.parabola();
            stdout.printf(Locale.ROOT, "%nbucket %d: FLOPs = %.5e, optimum %.1f x %.2f on %.4g tokens, loss %.5f%s%n",
                    parabola.bucket(), parabola.optimum().flops(), parabola.optimum().width(),
                    parabola.optimum().depth(), parabola.optimum().tokens(), parabola.optimum().loss(),
                    panel.row().improved() ? "" : " (grid row: no real-valued shape beats it)");
            stdout.printf(Locale.ROOT, "  %8s %9s %8s %9s %11s %9s %9s %9s %9s %9s%n", "factor", "width", "depth",
                    "params", "tokens", "tokens/N", "loss", hasSecond ? "law2" : "", "undertr.", "");
            for (double factor : analysis.factors()) {
                Optional<OvertrainedShape> found = parabola.shapes().stream().filter(s -> s.factor() == factor)
                        .findFirst();
                if (found.isEmpty()) {
                    stdout.printf(Locale.ROOT, "  %8s %s%n", factorLabel(factor),
                            "infeasible: even 256 x 1 costs more FLOPs per token");
                    continue;
                }
                OvertrainedShape shape = found.get();
                stdout.printf(Locale.ROOT, "  %8s %9.1f %8.2f %9.3g %11.4g %9.3g %9.5f %9s %9.5f %9s%n",
                        factorLabel(factor), shape.shape().width(), shape.shape().depth(), shape.shape().params(),
                        shape.shape().tokens(), shape.shape().tokensPerParam(), shape.shape().loss(),
                        shape.secondLoss().isPresent()
                                ? String.format(Locale.ROOT, "%.5f", shape.secondLoss().getAsDouble()) : "",
                        shape.undertrainedLoss(), shape.edge() ? "edge" : "");
            }
            if (analysis.industry().isPresent()) {
                stdout.printf(Locale.ROOT, "  industry models within %.3g of the interior losses:%s%n",
                        analysis.industryBand(), panel.industry().isEmpty() ? " none" : "");
                for (IndustryModels.Model model : panel.industry()) {
                    stdout.printf(Locale.ROOT, "    %-28s %.5f  (%.3g params, %d x %d, vocab %d)%n", model.hfName(),
                            model.loss(), (double) model.params(), model.width(), model.depth(), model.vocabSize());
                }
            }
        }
        if (analysis.panels().stream().anyMatch(p -> !p.parabola().interior().equals(p.parabola().shapes()))) {
            stdout.printf(Locale.ROOT, "%nedge: width <= %.0f or depth <= %.0f, at the edge of the box (Gemstones "
                    + "drops these rows).%n", OvertrainingParabola.EDGE_WIDTH, OvertrainingParabola.EDGE_DEPTH);
        }
    }

    /** The law in {@code file}, read (and so checked) before its bytes are hashed. */
    private static LawInput lawInput(String role, Path file) {
        FittedLaw read = LawFiles.read(file);
        return new LawInput(role, file.toString(), LawFiles.sha256(file), read);
    }

    private static String factorLabel(double factor) {
        return factor >= 1 ? String.format(Locale.ROOT, "%.0f", factor)
                : String.format(Locale.ROOT, "1/%.0f", 1 / factor);
    }

    private List<Double> factors() {
        String[] parts = factors.split(":");
        try {
            if (parts.length == 2) {
                return OvertrainingParabola.powersOfTwo(Integer.parseInt(parts[0].trim()),
                        Integer.parseInt(parts[1].trim()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--factors expects LOW:HIGH (two integer powers of two), got '" + factors
                + "'");
    }
}
