package org.scalefit.io.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.AllocationRules;
import org.scalefit.io.Approach1File;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.InputException;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ParamsWithoutEmbeddings;
import org.scalefit.io.TableReader;
import org.scalefit.law.FittedLaw;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;
import org.scalefit.sensitivity.LineVariant;
import org.scalefit.sensitivity.RainbowLine;
import org.scalefit.sensitivity.RainbowTable;

/**
 * Gemstones' rainbow of allocation lines ({@code scalefit sensitivity rainbow}; {@code plotters/rainbow.py}):
 * compute-optimal model-size lines N_opt(C) = k·(C/C₀)^s from Approach-3 params/tokens laws (Chinchilla eq. 4,
 * a = β/(α+β): files, or Huber fits of bundled Gemstones sets), Approach-1 regressions and reference laws, ordered by
 * N_opt at a budget and tabulated with each slope's Δ to the base line of its approach ({@link RainbowTable}).
 *
 * @param laws       Approach-3 law files with their names
 * @param fitSets    bundled Gemstones sets fitted on the fly (a {@code _no_embeds} suffix fits params − vocab·width),
 *                   or null: the original's 14 sets when no law file is given
 * @param approach1  Approach-1 params regression files, or folders of them
 * @param references reference lines by name ({@link AllocationRules#referenceNames()}), {@code none} skipped
 * @param delta      the Huber threshold of the fits
 * @param vocab      the vocabulary size removed for {@code _no_embeds} sets
 * @param grid       the starts of the fits
 * @param sortAt     the budget in FLOPs at which the lines are ordered
 */
public record RainbowRequest(List<NamedLaw> laws, List<String> fitSets, List<Path> approach1, List<String> references,
                             double delta, int vocab, StartGrid grid, double sortAt) {

    /** The Approach-3 sets of Gemstones' rainbow.py, in its order. */
    public static final List<String> GEMSTONES_SETS = List.of("hot", "hot_no_embeds", "cool_end",
            "cool_end_no_embeds", "lr_ablation_hot", "lr_ablation_hot_no_embeds", "hot_sampled_like_chinchilla",
            "lr_ablation_hot_sampled_like_chinchilla", "slim_chinchilla", "hot_120b+_only",
            "hot_120b+_only_no_embeds", "hot_100b+", "hot_100b+_no_embeds", "hot_100b+_512x");
    private static final String APPROACH_3_PREFIX = "approach_3_parameters_grid_search_0_";

    /**
     * An Approach-3 law file and the name giving its label and properties.
     *
     * @param name the Gemstones set name, e.g. {@code hot_100b+_no_embeds}
     * @param file the law file
     */
    public record NamedLaw(String name, Path file) {

        /**
         * {@code [NAME=]FILE}; without NAME, the Gemstones set in the file name ({@code hot_100b+} for
         * {@code approach_3_…_0_hot_100b+.json}).
         */
        public static NamedLaw parse(String text) {
            int equals = text.indexOf('=');
            Path file = Path.of(equals < 0 ? text : text.substring(equals + 1));
            if (equals >= 0) {
                return new NamedLaw(text.substring(0, equals), file);
            }
            String name = file.getFileName().toString();
            if (name.endsWith(".json")) {
                name = name.substring(0, name.length() - ".json".length());
            }
            return new NamedLaw(name.startsWith(APPROACH_3_PREFIX) ? name.substring(APPROACH_3_PREFIX.length())
                    : name, file);
        }
    }

    public RainbowRequest {
        laws = List.copyOf(laws);
        fitSets = fitSets == null ? null : List.copyOf(fitSets);
        approach1 = List.copyOf(approach1);
        references = List.copyOf(references);
        Objects.requireNonNull(grid, "grid");
    }

    /** The sets fitted: those asked for, else the original's 14 when no law file is given. */
    public List<String> sets() {
        return fitSets != null ? fitSets : laws.isEmpty() ? GEMSTONES_SETS : List.of();
    }

    /**
     * Reads and fits every line and tabulates them; a set whose fit has no converged start is left out and reported.
     *
     * @throws InputException           for a bad file or a law that is not a compute-optimal params/tokens law
     * @throws IllegalArgumentException for an unknown reference or no lines at all
     */
    public RainbowResult run(Parallelism parallelism, FitProgress progress) {
        List<RainbowLine> lines = new ArrayList<>();
        List<String> sources = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        boolean fitsFailed = false;
        for (NamedLaw law : laws) {
            lines.add(approach3Line(law.file().toString(), law.name(), LawFiles.read(law.file())));
            sources.add("approach-3 " + law.name() + ": " + law.file() + " sha256 " + LawFiles.sha256(law.file()));
        }
        MultiStartFitter.Options fitter = MultiStartFitter.Options.defaults();
        for (String set : sets()) {
            boolean noEmbeds = set.endsWith("_no_embeds");
            String dataset = "gemstones:" + (noEmbeds ? set.substring(0, set.length() - "_no_embeds".length()) : set);
            RunTable table = new TableReader().read(dataset, noEmbeds
                    ? ColumnRequest.of("params", "tokens", "loss", "width")
                    : ColumnRequest.of("params", "tokens", "loss"));
            if (noEmbeds) {
                table = ParamsWithoutEmbeddings.of(table, vocab);
            }
            Observations points = Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
            LawFit fit = new FitProblem(LawForm.CHINCHILLA, points, delta, grid, fitter).fit(parallelism, progress);
            if (!fit.succeeded()) {
                notes.add("no start converged for " + set + "; line left out");
                fitsFailed = true;
                continue;
            }
            lines.add(approach3Line(dataset, set, new FittedLaw(LawForm.CHINCHILLA, fit.parameters())));
            sources.add(String.format(Locale.ROOT, "approach-3 %s: fit of %s%s, delta %s, grid %s (%d starts),"
                    + " loss %.12g, sha256 %s%s", set, dataset, noEmbeds ? " without embeddings" : "",
                    delta, grid.name(), grid.size(), fit.loss(), table.contentHash(),
                    fit.warnings().isEmpty() ? "" : "; warnings: " + String.join("; ", fit.warnings())));
            for (String warning : fit.warnings()) {
                notes.add("warning: " + set + ": " + warning);
            }
        }
        for (Path path : approach1) {
            List<Approach1File> files = Files.isDirectory(path) ? Approach1File.readFolder(path, "params")
                    : List.of(Approach1File.read(path));
            for (Approach1File file : files) {
                if (!file.quantity().equals("params")) {
                    throw new InputException(file.file().toString(), null, null,
                            "an Approach-1 params regression (approach_1_linear_regression_params*.json)",
                            file.quantity());
                }
                String label = "approach 1 params" + file.dataName();
                lines.add(RainbowLine.ofRegression(label, LineVariant.ofGemstonesName(file.dataName()), file.slope(),
                        file.intercept()));
                sources.add("approach-1 " + label + ": " + file.file() + " sha256 " + LawFiles.sha256(file.file()));
            }
        }
        for (String reference : references) {
            if (reference.equals("none")) {
                continue;
            }
            if (!AllocationRules.referenceNames().contains(reference)) {
                throw new IllegalArgumentException("unknown reference '" + reference + "'; expected one of "
                        + AllocationRules.referenceNames() + " or none");
            }
            lines.add(RainbowLine.ofReference(reference, AllocationRules.reference(reference)));
            sources.add("reference " + reference + ": " + AllocationRules.referenceSource(reference));
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("no lines: give --law, --fit-sets, --approach1 or --reference");
        }
        return new RainbowResult(RainbowTable.of(lines, sortAt), sources, notes, fitsFailed);
    }

    private static RainbowLine approach3Line(String source, String name, FittedLaw law) {
        if (!law.form().equals(LawForm.CHINCHILLA)) {
            throw InputException.field(source, null, "exponents", "a params/tokens (chinchilla) law",
                    law.form().name());
        }
        try {
            return RainbowLine.ofLaw("approach 3 " + name, LineVariant.ofGemstonesName(name), law);
        } catch (IllegalArgumentException e) {
            throw InputException.field(source, null, "exponents", "positive exponents and coefficients (a "
                    + "compute-optimal allocation)", e.getMessage());
        }
    }
}
