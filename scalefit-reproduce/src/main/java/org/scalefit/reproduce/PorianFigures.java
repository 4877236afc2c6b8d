package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.scalefit.io.AllocationRules;
import org.scalefit.io.PorianConfiguration;
import org.scalefit.io.PorianStudy;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.ComputeOptimalLaws;
import org.scalefit.isoflop.FitVariant;
import org.scalefit.isoflop.IsoflopBands;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.PowerLaw;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.report.charts.IsoflopFigures;
import org.scalefit.report.charts.ReferenceLine;

/**
 * The figure sections of the Porian et al. reproduction, drawn from the analyses {@link PorianReproduction} ran:
 * Fig. 1 (N*(C) of the five RefinedWeb configurations), the IsoFLOP curves of two of them, the warmup evidence
 * (D*(C) with the warmup period shaded), the full N*, D*, ρ* results
 * of both datasets, the attention-accounting and Kaplan-adjusted figures, and the optimal loss with its saturating
 * fit ({@code paper_figures.py} and {@code plotting.py} of the authors' code).
 */
final class PorianFigures {

    /** The quantities of the results grid, in the paper's column order. */
    private static final List<ComputeOptimalLaws.Quantity> GRID = List.of(ComputeOptimalLaws.Quantity.MULTIPLIER,
            ComputeOptimalLaws.Quantity.N, ComputeOptimalLaws.Quantity.T);

    /** Kaplan et al.'s warmup: 3000 steps of 2^19 tokens (Porian et al.'s shading, {@code paper_figures.py}). */
    static final double KAPLAN_WARMUP_TOKENS = 3000 * Math.pow(2, 19);
    /** The lower edge of the warmup shading: the y limit of the paper's figure, 1e7 tokens. */
    private static final double WARMUP_FLOOR = 1e7;

    private PorianFigures() {
    }

    /** The sections, from each table's results ({@link PorianStudy#table}), keyed by table name. */
    static List<Section> sections(Map<String, List<PorianStudy.Result>> byTable) {
        List<IsoflopFigures.Analysed> rw = analysed(byTable.get("summary_df"));
        List<IsoflopFigures.Analysed> owt2 = analysed(byTable.get("summary_df_owt2"));
        List<IsoflopFigures.Analysed> attention = analysed(byTable.get("summary_df_att"));
        List<IsoflopFigures.Analysed> adjusted = analysed(byTable.get("summary_df_kaplan_tuned_hparams"));
        List<ReferenceLine> references = List.of(
                new ReferenceLine("Hoffmann et al. (ρ = 20)", SeriesStyle.dashed(Palette.NEUTRAL),
                        AllocationRules.reference("hoffmann-rho-20")),
                new ReferenceLine("Kaplan et al. (a = 0.88)", SeriesStyle.dotted(Palette.NEUTRAL),
                        AllocationRules.reference("kaplan")));
        List<Section> sections = new ArrayList<>();

        Section figure1 = Section.of("porian-figure-1", "Porian et al. Fig. 1: N*(C) from Kaplan's to Chinchilla's "
                + "exponent").withText("RefinedWeb, one panel per step of the paper (a–e): the optimal pairs "
                + "(bootstrap medians; hover for the multiplicative spread of each), the bs_median_weighted power "
                + "law with the 95 % band of its weighted bootstrap replicates, and the reference laws of Hoffmann "
                + "et al. and Kaplan et al.");
        char panel = 'a';
        for (IsoflopFigures.Analysed configuration : rw) {
            figure1 = figure1.withFigure(IsoflopFigures.optimalAgainstCompute("porian-figure-1" + panel,
                    "(" + panel + ") " + configuration.label(), ComputeOptimalLaws.Quantity.N,
                    List.of(configuration), references, PorianStudy.SMALLEST_BUDGET, PorianStudy.LARGEST_BUDGET),
                    atChinchilla(configuration));
            panel++;
        }
        sections.add(figure1);

        Section curves = Section.of("porian-isoflop-curves", "Porian et al.: IsoFLOP curves").withText("Per budget "
                + "the IsoFLOP points (N, loss) and the Akima interpolant in (ln N, ln L) on which the optimum is "
                + "found, for models with at least 0.5 tokens per parameter as the paper shows them; diamonds: "
                + "the bootstrap-median N* at the curve's minimum loss.");
        for (int row : new int[] {0, rw.size() - 1}) {
            IsoflopFigures.Analysed configuration = rw.get(row);
            curves = curves.withFigure(IsoflopFigures.curves("porian-isoflop-curves-rw-" + row, "IsoFLOP curves: "
                    + configuration.label() + " (RefinedWeb)", configuration.optima(), 0.5), "");
        }
        sections.add(curves);
        sections.add(warmupEvidence(rw.get(1), byTable.get("summary_df").get(1).configuration(), rw.get(2),
                byTable.get("summary_df").get(2).configuration()));

        sections.add(grid("porian-results-rw", "Porian et al.: ρ*, N*, D* on RefinedWeb", "on RefinedWeb", rw,
                references));
        sections.add(grid("porian-results-owt2", "Porian et al.: ρ*, N*, D* on OpenWebText2", "on OpenWebText2", owt2,
                references));
        sections.add(Section.of("porian-accounting-attention", "Porian et al.: N*(C) counting attention FLOPs")
                .withText("The RefinedWeb configurations with attention FLOPs counted as effective parameters "
                        + "(and smoothed training loss), as in the paper's accounting figure.")
                .withFigure(IsoflopFigures.optimalAgainstCompute("porian-accounting-attention", "N*(C), attention "
                        + "FLOPs counted", ComputeOptimalLaws.Quantity.N, attention, references,
                        PorianStudy.SMALLEST_BUDGET, PorianStudy.LARGEST_BUDGET), ""));
        List<ReferenceLine> adjustedReferences = new ArrayList<>(references);
        adjustedReferences.add(new ReferenceLine("adjusted Kaplan (a = 0.73)", SeriesStyle.line(Palette.NEUTRAL),
                AllocationRules.reference("kaplan-adjusted")));
        sections.add(grid("porian-kaplan-adjusted", "Porian et al.: the tuned recipe in Kaplan's accounting",
                "of the tuned recipe in Kaplan's accounting", adjusted, adjustedReferences));
        sections.add(Section.of("porian-optimal-loss", "Porian et al.: the optimal loss and its saturating fit")
                .withText("L*(C) of the RefinedWeb configurations; the line is the saturating fit on the budgets "
                        + "between 1e16 and 5e17 (marked \"fitted\" in the hover labels), extended to 200× the largest "
                        + "of them; the band: 95 % of the 200 bootstrap loss fits.")
                .withFigure(IsoflopFigures.optimalLoss("porian-optimal-loss", "Optimal loss L*(C), RefinedWeb", rw),
                        ""));
        return sections;
    }

    /**
     * The warmup evidence (Porian et al. 2024, {@code warmup_evidence.pdf}): D*(C) under Kaplan et al.'s long
     * warmup, 3000 steps × 2^19 tokens, against the short warmup of about N tokens, each with its warmup period
     * shaded. Drawn from {@code summary_df} rows 1 and 2, which differ in the warmup alone; the authors' function
     * draws rows 0 and 1 under the same titles ({@code summary_df.iloc[i_cfg]} for i_cfg = 0, 1), although its
     * {@code WARMUP_EVIDENCE_CONFIGS} name rows 1 and 2 and row 0 differs from row 1 in accounting and loss instead.
     */
    private static Section warmupEvidence(IsoflopFigures.Analysed longWarmup, PorianConfiguration longConfiguration,
                                          IsoflopFigures.Analysed shortWarmup,
                                          PorianConfiguration shortConfiguration) {
        if (!longConfiguration.warmup().equals("long") || !shortConfiguration.warmup().equals("short")
                || !longConfiguration.tuple().replace(",long,", ",short,").equals(shortConfiguration.tuple())) {
            throw new IllegalStateException("summary_df rows 1 and 2 should differ in the warmup only: "
                    + longConfiguration.tuple() + " / " + shortConfiguration.tuple());
        }
        DoubleUnaryOperator kaplan = c -> KAPLAN_WARMUP_TOKENS;
        PowerLaw n = shortWarmup.fits().point(FitVariant.BS_MEDIAN_WEIGHTED).n();
        DoubleUnaryOperator ours = n::at;
        return Section.of("porian-warmup-evidence", "Porian et al.: warmup evidence").withText("D*(C) of two "
                        + "RefinedWeb configurations that differ only in the learning-rate warmup (summary_df rows 1 "
                        + "and 2: base hyperparameters, Kaplan's cosine decay, standard FLOP count, validation loss): "
                        + "the optimal pairs, the bs_median_weighted law with its 95 % band, and shaded the tokens "
                        + "spent warming up. The authors' figure titles its panels \"Kaplan et al. warmup\" and \"Our "
                        + "warmup\"; the authors' plotting code takes rows 0 and 1 for them, which both have the long "
                        + "warmup, so this figure draws rows 1 and 2, the pair its configuration list names.")
                .withFigure(IsoflopFigures.tokensWithWarmup("porian-warmup-evidence-long", "Kaplan et al. warmup: "
                        + longWarmup.label() + " (row 1)", longWarmup, kaplan, "warmup period: 3000 × 2^19 tokens",
                        WARMUP_FLOOR, PorianStudy.SMALLEST_BUDGET, PorianStudy.LARGEST_BUDGET), "Kaplan et al. "
                        + "warmup, summary_df row 1 (3000 steps × 2^19 = " + Numbers.format(KAPLAN_WARMUP_TOKENS, 3) + " tokens, "
                        + "shaded): " + IsoflopFigures.inWarmup(longWarmup, kaplan) + " of "
                        + optimaCount(longWarmup) + " optimal pairs have D* inside the warmup period.")
                .withFigure(IsoflopFigures.tokensWithWarmup("porian-warmup-evidence-short", "Our warmup: "
                        + shortWarmup.label() + " (row 2)", shortWarmup, ours, "warmup period: N*(C) tokens",
                        WARMUP_FLOOR, PorianStudy.SMALLEST_BUDGET, PorianStudy.LARGEST_BUDGET), "Our warmup, "
                        + "summary_df row 2 (about N tokens; shaded below this configuration's N*(C) = "
                        + Numbers.format(n.coef(), 3) + "·C^" + Numbers.format(n.exponent(), 3) + "): "
                        + IsoflopFigures.inWarmup(shortWarmup, ours) + " of " + optimaCount(shortWarmup)
                        + " optimal pairs have D* inside the warmup period.");
    }

    private static long optimaCount(IsoflopFigures.Analysed configuration) {
        return configuration.optima().stream().filter(BudgetOptimum::hasOptimum).count();
    }

    /** The results grid: one figure per quantity q of {@link #GRID}, titled "q(C) {@code subject}". */
    private static Section grid(String id, String title, String subject,
                                List<IsoflopFigures.Analysed> configurations, List<ReferenceLine> references) {
        Section section = Section.of(id, title).withText("Optimal pairs, bs_median_weighted power laws and 95 % "
                + "weighted-bootstrap bands of every configuration (hover over a point for its values); click a legend "
                + "entry to hide a law.");
        for (ComputeOptimalLaws.Quantity quantity : GRID) {
            String name = switch (quantity) {
                case N -> "n";
                case T -> "d";
                case MULTIPLIER -> "rho";
            };
            String figureTitle = IsoflopFigures.symbol(quantity) + "(C) " + subject;
            section = section.withFigure(IsoflopFigures.optimalAgainstCompute(id + "-" + name, figureTitle, quantity,
                    configurations, references, PorianStudy.SMALLEST_BUDGET, PorianStudy.LARGEST_BUDGET), "");
        }
        return section;
    }

    /** The panel's annotation: a with its interval and N* at Chinchilla's compute with its interval. */
    private static String atChinchilla(IsoflopFigures.Analysed configuration) {
        List<ComputeOptimalLaws> replicates = configuration.fits().replicates(FitVariant.BOOTSTRAP_WEIGHTED);
        PowerLaw law = configuration.fits().point(FitVariant.BS_MEDIAN_WEIGHTED).n();
        double[] a = IsoflopIntervals.exponentInterval(replicates, ComputeOptimalLaws.Quantity.N);
        double[] at = IsoflopIntervals.valueInterval(replicates, ComputeOptimalLaws.Quantity.N,
                IsoflopIntervals.CHINCHILLA_FLOPS);
        return "a = " + Numbers.withInterval(law.exponent(), a[0], a[1], 3) + "; N*(5.88e23) = "
                + Numbers.withInterval(law.at(IsoflopIntervals.CHINCHILLA_FLOPS), at[0], at[1], 3) + ".";
    }

    private static List<IsoflopFigures.Analysed> analysed(List<PorianStudy.Result> results) {
        List<IsoflopFigures.Analysed> analysed = new ArrayList<>();
        for (PorianStudy.Result result : results) {
            String label = result.configuration().title().isBlank() ? result.configuration().tuple()
                    : result.configuration().title();
            analysed.add(new IsoflopFigures.Analysed(label, Palette.categorical(analysed.size()), result.optima(),
                    result.fits(), IsoflopBands.of(result.optima(), result.fits(), PorianStudy.SMALLEST_BUDGET,
                    PorianStudy.LARGEST_BUDGET)));
        }
        return analysed;
    }
}
