package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.List;
import org.scalefit.io.analysis.DatasetAnalysisResult.Approach2;
import org.scalefit.io.analysis.IsoflopDesign;
import org.scalefit.io.analysis.IsoflopResult;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopBands;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.OptimalPair;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.charts.IsoflopFigures;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.plot.Palette;

/**
 * The report section of Approach 2 on a user's runs that form an IsoFLOP design (Hoffmann et al. 2022 §3.2, as
 * Porian et al. 2024 run it; {@code scalefit isoflop}): per budget the loss-against-size points, their Akima
 * interpolant and its minimum, then N*(C) = k_N·C^a and D*(C) = k_D·C^b through the minima with their 95 %
 * bootstrap bands, the exponents a and b with their intervals, every caution the analysis returns, and a table of the
 * budgets. Nothing is computed here: the numbers are those of the {@link IsoflopResult}.
 */
public final class IsoflopSection {

    private IsoflopSection() {
    }

    /**
     * The section.
     *
     * @param id         the section id, also the prefix of its figure ids
     * @param analysis   Approach 2 of the runs ({@code DatasetAnalysisResult#isoflop})
     * @param lossLabel  what the loss is, as an axis label
     * @param references allocations drawn beside N*(C) and D*(C) (e.g. the Approach-3 law's; may be empty)
     */
    public static Section of(String id, Approach2 analysis, String lossLabel, List<ReferenceLine> references) {
        IsoflopDesign design = analysis.design();
        Section section = Section.of(id, "Approach 2: IsoFLOP profiles").withText("These runs form an IsoFLOP "
                + "design: " + design.budgets() + " FLOP budgets of " + (design.fewest() == design.most()
                ? Integer.toString(design.fewest()) : design.fewest() + " to " + design.most()) + " runs each. "
                + "Approach 2 (Hoffmann et al. 2022 §3.2, as Porian et al. 2024 run it; `scalefit isoflop`): per "
                + "budget the loss against model size is Akima-interpolated in log–log space and its minimum "
                + "located, a seed-noise bootstrap gives each optimum's spread, and power laws N* ∝ C^a and "
                + "D* ∝ C^b are fitted through the optima, weighted by their spreads, with 95 % bootstrap "
                + "intervals.");
        if (analysis.result() == null) {
            return section.withText("Approach 2 cannot be computed: " + analysis.failure() + ".");
        }
        IsoflopResult result = analysis.result();
        List<BudgetOptimum> optima = result.optima();
        section = section.withText(inputs(result));
        List<String> cautions = new ArrayList<>();
        IsoflopFits fits = result.fits();
        if (fits != null) {
            cautions.addAll(fits.warnings());
        }
        for (BudgetOptimum optimum : optima) {
            if (!optimum.issues().isEmpty()) {
                cautions.add("C = " + Numbers.format(optimum.flops(), 3) + ": " + String.join("; ",
                        optimum.issues()));
            }
        }
        if (fits == null) {
            section = section.withText("No power laws: " + result.failure() + ".");
        }
        if (!cautions.isEmpty()) {
            section = section.withText("Caution: " + String.join(". ", cautions.stream().map(IsoflopSection::trim)
                    .toList()) + ".");
        }
        section = section.withFigure(IsoflopFigures.curves(id + "-curves", "IsoFLOP curves: loss against model "
                + "size at each budget", optima, 0, lossLabel), "Each budget's runs (circles, coloured from cyan at "
                + "the smallest budget to magenta at the largest; hover for the run's size and loss), the Akima "
                + "interpolant of its profile (dashed) and the optimum located on it (diamonds: the bootstrap-median "
                + "N*, the interpolant's minimum loss).");
        if (fits == null) {
            return section.withTable("Budgets", header(), rows(optima));
        }
        List<BudgetOptimum> usable = optima.stream().filter(BudgetOptimum::hasOptimum).toList();
        double low = usable.get(0).flops();
        double high = usable.get(usable.size() - 1).flops();
        IsoflopFigures.Analysed analysed = new IsoflopFigures.Analysed("these runs", Palette.BLACK, optima, fits,
                IsoflopBands.of(optima, fits, low, high));
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("budgets with an optimum", usable.size() + " of " + optima.size(),
                "the power laws are fitted through these"));
        String[] names = {"N* ∝ C^a: a", "D* ∝ C^b: b", "D*/N* ∝ C^r: r (its own fit)"};
        int replicates = fits.replicates(FitVariant.BOOTSTRAP_WEIGHTED).size();
        ComputeOptimalLaws.Quantity[] quantities = ComputeOptimalLaws.Quantity.values();
        for (int q = 0; q < quantities.length; q++) {
            IsoflopBands.Line law = analysed.bands().laws().get(quantities[q]);
            double[] interval = law.interval();
            facts.add(new Block.Fact(names[q], interval == null ? Numbers.format(law.exponent(), 4)
                    : Numbers.withInterval(law.exponent(), interval[0], interval[1], 4), interval == null
                    ? "no bootstrap interval" : "[95 % interval over " + replicates + " weighted bootstrap fits]"));
        }
        section = section.withFacts(facts);
        for (ComputeOptimalLaws.Quantity quantity : new ComputeOptimalLaws.Quantity[] {ComputeOptimalLaws.Quantity.N,
                ComputeOptimalLaws.Quantity.T}) {
            String slug = quantity == ComputeOptimalLaws.Quantity.N ? "params" : "tokens";
            section = section.withFigure(IsoflopFigures.optimalAgainstCompute(id + "-" + slug, "Approach 2: "
                            + IsoflopFigures.symbol(quantity) + " against compute", quantity, List.of(analysed),
                    references, low, high), "The optimum of each budget (hover for its multiplicative spread over "
                    + "the seed-noise bootstrap) and the power law fitted through them, weighted by those spreads, "
                    + "with its 95 % bootstrap band; the legend gives the exponent with its 95 % interval."
                    + (references.isEmpty() ? "" : " Beside it, over the same budgets: " + String.join(", ",
                    references.stream().map(ReferenceLine::label).toList()) + "."));
        }
        return section.withTable("Budgets", header(), rows(optima));
    }

    /**
     * How the points were formed from the file and the seed noise σ assumed, from the analysis's own record; when a
     * size was run more than once in a budget, the pooled standard deviation of those seed replicates beside σ
     * ({@link SeedNoise#replicates}), which the intervals on the exponents scale with, unless the cautions already
     * name it ({@link SeedNoise#replicateWarning}).
     */
    private static String inputs(IsoflopResult result) {
        List<String> transforms = result.inputs().transforms();
        SeedNoise noise = result.settings().noise();
        String sigma = noise.rule() == SeedNoise.Rule.CONSTANT ? "σ = " + Numbers.format(noise.sigmaLow(), 3)
                : "Porian et al.'s σ(L) (" + Numbers.format(noise.sigmaLow(), 3) + " for every loss below "
                + Numbers.format(Math.exp(noise.lossLow()), 3) + ", as their code has it)";
        String text = "Points as `scalefit isoflop` reads them" + (transforms.isEmpty() ? "" : " ("
                + String.join(", ", transforms) + ")") + "; " + result.settings().replicates() + " seed-noise "
                + "replicates per budget with " + sigma + " (`--noise SIGMA` of `scalefit report` or `scalefit "
                + "isoflop` sets another; the intervals scale with it).";
        if (noise.replicateWarning(result.inputs().budgets()).isPresent()) {
            return text; // the cautions name the replicates' deviation, as isoflop warns it
        }
        return noise.replicates(result.inputs().budgets()).map(r -> text + " The seed replicates in the table (runs "
                + "of one size in one budget) have a pooled standard deviation of " + Numbers.format(r.deviation(), 3)
                + " (" + r.degrees() + " degrees of freedom), " + Numbers.format(r.ratio(), 2) + " times the σ assumed"
                + (r.degrees() < SeedNoise.REPLICATE_DEGREES ? " (too few degrees of freedom to judge σ by)" : "")
                + "; `--noise " + Numbers.format(r.deviation(), 3) + "` would use their own value.").orElse(text);
    }

    private static String trim(String text) {
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    private static List<String> header() {
        return List.of("compute C", "points", "status", "N*", "D*", "D*/N*", "L*", "issues");
    }

    private static List<List<String>> rows(List<BudgetOptimum> optima) {
        List<List<String>> rows = new ArrayList<>();
        for (BudgetOptimum optimum : optima) {
            String status = optimum.skipped() ? "skipped" : optimum.hasOptimum() ? "optimum" : "no optimum";
            String issues = String.join("; ", optimum.issues());
            if (optimum.hasOptimum()) {
                OptimalPair p = optimum.pair();
                rows.add(List.of(Numbers.format(optimum.flops(), 4), Integer.toString(optimum.budget().points()),
                        status, Numbers.format(p.n(), 4), Numbers.format(p.t(), 4), Numbers.format(p.multiplier(), 4),
                        Numbers.format(p.loss(), 5), issues));
            } else {
                rows.add(List.of(Numbers.format(optimum.flops(), 4), Integer.toString(optimum.budget().points()),
                        status, "", "", "", "", issues));
            }
        }
        return rows;
    }
}
