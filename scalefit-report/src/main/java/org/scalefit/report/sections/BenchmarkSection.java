package org.scalefit.report.sections;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.data.BenchmarkScores;
import org.scalefit.data.RunTable;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.FitReport;
import org.scalefit.overtraining.FitStatistics;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Section;
import org.scalefit.report.plot.Figure;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.charts.BenchmarkFigures;
import org.scalefit.report.charts.ValidationCheckpoint;
import org.scalefit.sensitivity.ReferenceDesign;

/**
 * The report sections of Gemstones' downstream benchmarks (McLeish et al. 2025, {@code benchmarks/}):
 * <ul>
 *   <li>{@link #of}: average accuracy against FLOPs per model, the error law Err(L) = ε − k·e^(−γ·L) (Gadre et al.
 *       2024) and the sigmoid acc(L) = a/(1 + e^(−k·(L − L₀))) + b (Bhagia et al. 2024) fitted to every checkpoint
 *       at its validation loss, with curve_fit's standard errors, and the final checkpoints' accuracies;</li>
 *   <li>{@link #validationSets}: the models' loss on several validation sets against FLOPs.</li>
 * </ul>
 */
public final class BenchmarkSection {

    private BenchmarkSection() {
    }

    /**
     * The benchmarks section.
     *
     * @param checkpoints every checkpoint's scores (e.g. {@code GemstonesBenchmarks.checkpoints()})
     * @param fits        the downstream laws fitted to the checkpoints matched with a loss
     * @param lossSource  where the losses come from (e.g. {@code gemstones:hot_100b+_477}), for the text
     * @param count       how FLOPs per token are counted (Gemstones: {@link FlopCount#GEMSTONES_GQA})
     */
    public static Section of(String id, List<BenchmarkScores> checkpoints, BenchmarkLawFits fits, String lossSource,
                             Architecture architecture, FlopCount count, RunStyles styles) {
        long models = checkpoints.stream().map(BenchmarkScores::model).distinct().count();
        int tasks = checkpoints.isEmpty() ? 0 : checkpoints.get(0).accuracy().size();
        Section section = Section.of(id, "Downstream benchmarks").withText(checkpoints.size() + " checkpoints of "
                + models + " models evaluated on " + tasks + " tasks" + (tasks == 0 ? "" : " (" + String.join(", ",
                checkpoints.get(0).accuracy().keySet()) + ")") + "; avg acc is the mean accuracy over the tasks, "
                + "avg err = 1 − avg acc. The downstream laws are fitted by least squares to the "
                + fits.points().size() + " checkpoints that have a validation loss in " + lossSource + ".");
        List<Block.Fact> facts = new ArrayList<>();
        fits.errorLaw().ifPresent(fit -> facts.addAll(lawFacts("error law Err(L) = ε − k·e^(−γL)", fit.report(),
                fit.statistics(), List.of("k", "γ", "ε"), fit.law().parameters())));
        fits.sigmoidLaw().ifPresent(fit -> facts.addAll(lawFacts("sigmoid acc(L) = a/(1 + e^(−k(L − L₀))) + b",
                fit.report(), fit.statistics(), List.of("a", "k", "L₀", "b"), fit.law().parameters())));
        if (!facts.isEmpty()) {
            section = section.withFacts(facts);
        }
        Figure accuracy = BenchmarkFigures.averageAccuracyAgainstCompute(id + "-accuracy", checkpoints, architecture,
                count, styles);
        boolean keyed = accuracy.colorKey() != null;
        section = section.withFigure(accuracy, "One line per model through its checkpoints"
                        + (keyed ? ", coloured by its parameter count" : "") + " (hover for the checkpoint and the "
                        + "standard error of its average).")
                .withFigure(BenchmarkFigures.errorAgainstLoss(id + "-error", fits, architecture, styles), "Each point "
                        + "is one checkpoint" + (keyed ? ", coloured by its model's parameter count" : "") + "; the "
                        + "curves are the fitted laws over the fitted losses.");
        Map<String, Double> lossOf = new HashMap<>();
        fits.points().forEach(point -> lossOf.put(point.scores().name(), point.loss()));
        List<List<String>> rows = new ArrayList<>();
        checkpoints.stream().filter(BenchmarkScores::isFinalRevision)
                .sorted(Comparator.comparingDouble(BenchmarkScores::averageAccuracy).reversed())
                .forEach(scores -> {
                    Double loss = lossOf.get(scores.name());
                    rows.add(List.of(scores.model(), Numbers.fixed(scores.averageAccuracy(), 4),
                            Numbers.fixed(scores.averageStandardError(), 4),
                            loss == null ? "" : Numbers.fixed(loss, 4)));
                });
        return section.withTable("Final checkpoints by average accuracy", List.of("model", "avg acc", "avg stderr",
                "validation loss"), rows);
    }

    /**
     * The validation-sets section: one figure of every set's loss against FLOPs at the checkpoints all sets have,
     * for the models of at least {@code minParams} parameters to one significant figure (Gemstones: 5×10⁸), and each
     * such model's final loss on every set.
     *
     * @param sets per set name, a table with columns {@code width}, {@code depth}, {@code tokens}, {@code loss}
     */
    public static Section validationSets(String id, Map<String, RunTable> sets, Architecture architecture,
                                         FlopCount count, double minParams) {
        Section section = Section.of(id, "Loss on other validation sets").withText("The same checkpoints evaluated "
                + "on " + sets.size() + " validation sets (" + String.join(", ", sets.keySet()) + "); losses are "
                + "comparable within a set, and their order between sets says how close each corpus is to the "
                + "training data.");
        section = section.withFigure(BenchmarkFigures.lossOnValidationSets(id + "-loss", sets, architecture, count,
                minParams), "Models of at least " + Numbers.format(minParams, 3) + " parameters (to one significant "
                + "figure), at the checkpoints every set has; one line per model, its set by colour and stroke (hover "
                + "for the model).");
        Map<String, Map<String, Double>> finalLoss = new java.util.TreeMap<>();
        Map<String, Double> finalTokens = new HashMap<>();
        Map<String, Double> paramsOf = new HashMap<>();
        for (Map.Entry<String, RunTable> set : sets.entrySet()) {
            for (ValidationCheckpoint point : ValidationCheckpoint.of(set.getValue())) {
                String model = point.model();
                double params = architecture.parameters((int) point.width(), (int) point.depth());
                if (ReferenceDesign.sizeClass(params) < minParams) {
                    continue;
                }
                paramsOf.put(model, params);
                Double last = finalTokens.get(model + "|" + set.getKey());
                if (last == null || point.tokens() > last) {
                    finalTokens.put(model + "|" + set.getKey(), point.tokens());
                    finalLoss.computeIfAbsent(model, m -> new java.util.LinkedHashMap<>()).put(set.getKey(),
                            point.loss());
                }
            }
        }
        List<String> header = new ArrayList<>(List.of("model", "parameters"));
        header.addAll(sets.keySet());
        List<List<String>> rows = new ArrayList<>();
        finalLoss.keySet().stream().sorted(Comparator.comparingDouble(paramsOf::get)).forEach(model -> {
            List<String> row = new ArrayList<>(List.of(model, Numbers.format(paramsOf.get(model), 3)));
            for (String set : sets.keySet()) {
                Double loss = finalLoss.get(model).get(set);
                row.add(loss == null ? "" : String.format(Locale.ROOT, "%.4f", loss));
            }
            rows.add(row);
        });
        return section.withTable("Each model's loss at its last checkpoint in each set", header, rows);
    }

    private static List<Block.Fact> lawFacts(String name, FitReport report, FitStatistics statistics,
                                             List<String> names, double[] parameters) {
        if (report.failed()) {
            return List.of(new Block.Fact(name, "failed", String.join("; ", report.warnings())));
        }
        double[] errors = statistics.standardErrors();
        StringBuilder value = new StringBuilder();
        for (int j = 0; j < names.size(); j++) {
            value.append(j == 0 ? "" : ", ").append(names.get(j)).append(" = ")
                    .append(Numbers.format(parameters[j], 5)).append(" ± ").append(Numbers.format(errors[j], 3));
        }
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact(name, value.toString(), report.points() + " points; RSS "
                + Numbers.format(statistics.sumOfSquares(), 5) + ", R² " + Numbers.fixed(statistics.rSquared(), 5)
                + "; ± one standard error (s²·(JᵀJ)⁻¹)"));
        for (String warning : report.warnings()) {
            facts.add(new Block.Fact("warning", warning, ""));
        }
        return facts;
    }
}
