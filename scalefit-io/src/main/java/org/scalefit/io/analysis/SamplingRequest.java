package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;
import org.scalefit.sensitivity.DesignSampling;
import org.scalefit.sensitivity.ModelShape;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;
import org.scalefit.sensitivity.SizeWindows;

/**
 * Gemstones' Chinchilla-like reduced sampling ({@code scalefit sensitivity sampling};
 * {@code chinchilla_reduced_sampling.py}): a reference study cut to the runs inside a few model-size windows
 * ({@link SizeWindows}), its design (per size class, the token counts rounded to a unit: {@link ReferenceDesign}), one's
 * own runs sampled like it ({@link DesignSampling}), and the change of the params/tokens law
 * L(N, D) = E + A/N^α + B/D^β (Chinchilla eq. 2) and of its allocation slopes a = β/(α+β), b = α/(α+β) between the
 * full and the reduced table of each ({@link SamplingComparison}).
 *
 * @param data                 one's own runs (params, tokens, loss; width and depth if shapes are chosen)
 * @param reference            the reference study's runs, a file or bundled {@code STUDY:SET}
 * @param windows              the model-size windows
 * @param referenceTokensBelow keep only reference runs with fewer tokens, or null
 * @param designTokens         token lists per model size replacing the reduced reference's, or empty
 * @param referenceTokenUnit   the unit the reference token counts are rounded to
 * @param tokenUnit            the unit one's own token counts are rounded to
 * @param models               the model shapes of {@code data} sampled, or null for every run
 * @param delta                the Huber threshold of every fit
 * @param grid                 the starts of every fit
 */
public record SamplingRequest(DataSource data, String reference, SizeWindows windows, Double referenceTokensBelow,
                              Map<Double, double[]> designTokens, double referenceTokenUnit, double tokenUnit,
                              List<ModelShape> models, double delta, StartGrid grid) {

    public SamplingRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(windows, "windows");
        designTokens = new LinkedHashMap<>(designTokens);
        models = models == null ? null : List.copyOf(models);
        Objects.requireNonNull(grid, "grid");
    }

    /** The fits run, four, each over the grid's starts. */
    public long fitStarts() {
        return 4L * grid.size();
    }

    /**
     * Reads both tables, samples them and runs the four fits on {@code parallelism}; {@code warnings} hears of
     * chosen shapes that no run has.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       if no checkpoint matches the design
     */
    public SamplingResult run(Parallelism parallelism, FitProgress progress, Consumer<String> warnings) {
        RunTable ours = data.read(ColumnRequest.of("params", "tokens", "loss").withOptional("width", "depth"));
        RunTable referenceRuns = new TableReader().read(reference, ColumnRequest.of("params", "tokens", "loss"));
        List<String> transforms = new ArrayList<>(data.selectionLabels());
        RunTable referenceForSample = referenceRuns;
        if (referenceTokensBelow != null) {
            referenceForSample = referenceRuns.withRowsBetween("tokens", 0, Math.nextDown(referenceTokensBelow));
            transforms.add("reference tokens < " + referenceTokensBelow);
        }
        RunTable referenceReduced = windows.select(referenceForSample);
        ReferenceDesign design = designTokens.isEmpty()
                ? ReferenceDesign.fromRuns(referenceReduced.column("params"), referenceReduced.column("tokens"),
                        referenceTokenUnit)
                : ReferenceDesign.ofTokenLists(designTokens, referenceTokenUnit);
        RunTable candidates = ours;
        if (models != null) {
            for (ModelShape absent : DesignSampling.absentShapes(ours, models)) {
                warnings.accept("warning: no run of " + ours.source() + " has shape " + absent);
            }
            candidates = DesignSampling.onlyShapes(ours, models);
            transforms.add("models " + String.join(",", models.stream().map(ModelShape::toString).toList()));
        }
        RunTable ourSample = DesignSampling.sample(candidates, design, tokenUnit);
        MultiStartFitter.Options fitter = MultiStartFitter.Options.defaults();
        long begin = System.nanoTime();
        List<SamplingComparison> comparisons = List.of(
                SamplingComparison.fit(data.data() + " sampled like " + reference, paramsTokens(ours),
                        paramsTokens(ourSample), delta, grid, fitter, parallelism, progress),
                SamplingComparison.fit(reference + " reduced to the size windows", paramsTokens(referenceRuns),
                        paramsTokens(referenceReduced), delta, grid, fitter, parallelism, progress));
        double seconds = (System.nanoTime() - begin) / 1e9;
        FitProvenance provenance = new FitProvenance(ours.source() + " | " + referenceRuns.source(),
                ours.contentHash() + " | " + referenceRuns.contentHash(), transforms, ScalefitVersion.current());
        return new SamplingResult(design, tokenUnit, ourSample, referenceReduced, comparisons, provenance,
                new RunTiming(parallelism.threads(), seconds));
    }

    private static Observations paramsTokens(RunTable table) {
        return Observations.fromTable(table, LawForm.CHINCHILLA.inputs(), "loss");
    }
}
