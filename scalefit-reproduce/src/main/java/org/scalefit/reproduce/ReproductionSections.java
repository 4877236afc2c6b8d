package org.scalefit.reproduce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.Observations;
import org.scalefit.fit.LawFit;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.frontier.Approach1;
import org.scalefit.law.ComputeOptimalAllocation;
import org.scalefit.law.LawForm;
import org.scalefit.report.Block;
import org.scalefit.report.Numbers;
import org.scalefit.report.Provenance;
import org.scalefit.report.Report;
import org.scalefit.report.Section;
import org.scalefit.report.plot.RunStyles;
import org.scalefit.report.plot.SeriesStyle;
import org.scalefit.report.charts.AllocationFigures;
import org.scalefit.report.charts.LossLabel;
import org.scalefit.report.charts.ReferenceLine;
import org.scalefit.report.charts.Runs;
import org.scalefit.report.sections.AllocationSection;
import org.scalefit.report.sections.FrontierSection;
import org.scalefit.report.sections.LawFitSection;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;

/**
 * The report sections of a reproduction: a summary of every study, each study's side-by-side table, and the figures
 * of the analyses behind the numbers.
 */
public final class ReproductionSections {

    private static final double[] TABLE_BUDGETS = {1e19, 1e20, 1e21, 1e22, 1e23, 1e24, 1e25};

    private ReproductionSections() {
    }

    /**
     * The report of a reproduction run: the {@link #summary}, then each study's {@link #comparisons} and own
     * sections; its provenance lists the studies' data and timings, the options given and {@code created}.
     *
     * @param studies    the study names as given on the command line (the title and the "studies" option)
     * @param full       whether the hour-long fits ran
     * @param threads    the worker threads used
     * @param timestamps false to leave the time and the step timings out (a rerun gives the same bytes)
     */
    public static Report report(List<StudyReproduction> results, List<String> studies, boolean full, int threads,
                                boolean timestamps, Instant created) {
        List<Section> sections = new ArrayList<>();
        sections.add(summary(results));
        List<Provenance.DataSource> data = new ArrayList<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (StudyReproduction study : results) {
            sections.add(comparisons(study));
            sections.addAll(study.sections());
            data.addAll(study.data());
            seconds.put(study.study(), study.seconds());
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("studies", String.join(", ", studies));
        options.put("--full", Boolean.toString(full));
        options.put("threads", Integer.toString(threads));
        Provenance provenance = new Provenance(ScalefitVersion.current(), data, options,
                created.truncatedTo(ChronoUnit.SECONDS).toString(), seconds);
        return new Report("scalefit reproduction: " + String.join(", ", studies), sections,
                timestamps ? provenance : provenance.withoutRunDetails());
    }

    /** One line a study: how many published numbers were compared and how many differ. */
    public static Section summary(List<StudyReproduction> studies) {
        List<List<String>> rows = new ArrayList<>();
        for (StudyReproduction study : studies) {
            rows.add(List.of(study.title(), Long.toString(study.publishedCount()), Long.toString(study.differing()),
                    Long.toString(study.comparisons().size() - study.publishedCount()),
                    study.reproduced() ? (study.publishedCount() > 0 ? "reproduced" : "nothing to compare")
                            : "NOT reproduced"));
        }
        return Section.of("reproduction-summary", "Reproduction summary")
                .withText("Every number below is recomputed from the bundled data and set beside the value the "
                        + "study published, with the difference and the tolerance it is judged by. \"Flat "
                        + "direction\" marks parameters that differ along a valley in which the objective changes by "
                        + "less than 1e-8; \"lower objective\" marks fits whose optimum is below the published one.")
                .withTable("Studies", List.of("study", "published numbers compared", "differing",
                        "shown without a published value", "verdict"), rows);
    }

    /**
     * One study: a summary line (published numbers compared, how many differ), then the side-by-side numbers of
     * each analysis collapsed under its own count (opened when one of them differs), then the study's notes.
     */
    public static Section comparisons(StudyReproduction study) {
        Section section = Section.of("reproduction-" + study.study(), study.title());
        if (!study.comparisons().isEmpty()) {
            section = section.withText(counts(study.comparisons()) + ".");
        }
        Map<String, List<Comparison>> byAnalysis = new LinkedHashMap<>();
        for (Comparison c : study.comparisons()) {
            byAnalysis.computeIfAbsent(c.analysis(), analysis -> new ArrayList<>()).add(c);
        }
        for (Map.Entry<String, List<Comparison>> analysis : byAnalysis.entrySet()) {
            List<List<String>> rows = new ArrayList<>();
            for (Comparison c : analysis.getValue()) {
                rows.add(List.of(c.quantity(), ReproductionTables.number(c.ours()),
                        ReproductionTables.number(c.published()), Double.isNaN(c.published()) ? "—"
                                : String.format(Locale.ROOT, "%.2e", c.difference()), c.rule(),
                        ReproductionTables.verdict(c.verdict()) + (c.note().isEmpty() ? "" : ": " + c.note())));
            }
            boolean differs = analysis.getValue().stream().anyMatch(c -> !c.verdict().reproduced());
            section = section.withDetails(analysis.getKey() + ": " + counts(analysis.getValue()), differs,
                    List.of(new Block.Table("", List.of("quantity", "scalefit", "published", "difference", "rule",
                            "verdict"), rows)));
        }
        for (String note : study.notes()) {
            section = section.withText(note);
        }
        return section;
    }

    /** "n published numbers compared, m differ" (and how many are shown without a published value). */
    static String counts(List<Comparison> comparisons) {
        long published = comparisons.stream().filter(c -> c.verdict() != Comparison.Verdict.NOT_PUBLISHED).count();
        long differing = comparisons.stream().filter(c -> !c.verdict().reproduced()).count();
        long alone = comparisons.size() - published;
        if (published == 0) {
            return "nothing published to compare, " + alone + " shown without a published value";
        }
        return published + (published == 1 ? " published number" : " published numbers") + " compared, "
                + differing + (differing == 1 ? " differs" : " differ")
                + (alone > 0 ? ", " + alone + " shown without a published value" : "");
    }

    /**
     * Gemstones' Approach 1 on one table (frontier, regressions beside the published allocation rules) and an
     * Approach-3 fit with its allocation.
     *
     * @param lossColumn the file column the loss of both tables was read from, which the loss axes name
     *                   ({@link LossLabel#ofColumn})
     */
    static List<Section> gemstones(String frontierSet, Approach1 frontier, double[] flops, double[] loss,
                                   double[] params, double[] tokens, Runs frontierRuns, String fitSet, LawFit fit,
                                   Observations fitData, Runs fitRuns, BootstrapResult bootstrap, String lossColumn) {
        RunStyles styles = RunStyles.gemstones();
        String lossLabel = LossLabel.ofColumn(lossColumn);
        List<Section> sections = new ArrayList<>();
        sections.add(FrontierSection.of("gemstones-approach-1", "Gemstones: Approach 1 on " + frontierSet,
                "training FLOPs (exact GQA count)", lossLabel, frontier, null, flops, loss, params, tokens,
                frontierRuns, ReferenceLine.published(styles), styles));
        sections.add(titled(LawFitSection.of("gemstones-approach-3", fit, fitData, fitRuns, styles, bootstrap,
                lossLabel), "Gemstones: Approach 3 on " + fitSet + " (δ 1e-3)"));
        sections.add(titled(allocation("gemstones-allocation", "Gemstones " + fitSet + " (Approach 3, δ 1e-3)",
                fit.parameters(), bootstrap, styles), "Gemstones: compute-optimal allocation from the " + fitSet
                + " fit"));
        return sections;
    }

    /**
     * Epoch's Fit A against the Chinchilla points, and Fit B's allocation with its bootstrap band.
     *
     * @param lossColumn the file column the loss was read from, which the loss axes name ({@link LossLabel#ofColumn})
     */
    static List<Section> chinchilla(LawFit fitA, Observations data, double[] fitB, BootstrapResult bootstrap,
                                    String lossColumn) {
        RunStyles styles = RunStyles.gemstones();
        List<String> names = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double[] params = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            params[i] = data.input(i, 0);
            names.add("N = " + Numbers.format(params[i], 3));
            labels.add(names.get(i) + ", D = " + Numbers.format(data.input(i, 1), 3));
        }
        Runs runs = Runs.named(names).withRowLabels(labels).orderedBy(params);
        List<Section> sections = new ArrayList<>();
        sections.add(titled(LawFitSection.of("chinchilla-fit-a", fitA, data, runs, styles, null,
                LossLabel.ofColumn(lossColumn)), "Epoch AI: Fit A on the Chinchilla points"));
        sections.add(titled(allocation("chinchilla-allocation", "Epoch AI Fit B (this reproduction)", fitB, bootstrap,
                styles), "Epoch AI: compute-optimal allocation from Fit B, with its bootstrap band"));
        return sections;
    }

    private static Section titled(Section section, String title) {
        return new Section(section.id(), title, section.blocks());
    }

    private static Section allocation(String id, String label, double[] theta, BootstrapResult bootstrap,
                                      RunStyles styles) {
        List<ReferenceLine> rules = new ArrayList<>();
        ComputeOptimalAllocation law = ComputeOptimalAllocation.ofChinchillaParameters(theta);
        rules.add(new ReferenceLine(label, SeriesStyle.line("#1f77b4").withLineWidth(2), law));
        rules.addAll(ReferenceLine.published(styles));
        double[] compute = AllocationFigures.budgets(1e18, 1e26, 65);
        AllocationBands bands = bootstrap == null || !AllocationBands.applies(LawForm.CHINCHILLA) ? null
                : AllocationBands.of(theta, bootstrap, compute, 95);
        return AllocationSection.of(id, rules, TABLE_BUDGETS, compute, bands);
    }
}
