package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.data.InputRange;
import org.scalefit.fit.FitProgress;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.IndustryModels;
import org.scalefit.io.LawFiles;
import org.scalefit.io.ParabolaJson;
import org.scalefit.io.ParabolaJson.LawInput;
import org.scalefit.io.ParabolaJson.Panel;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ShapeExtrapolations;
import org.scalefit.law.FittedLaw;
import org.scalefit.parallel.Parallelism;
import org.scalefit.shapes.OvertrainingParabola;
import org.scalefit.shapes.ParabolaTrace;
import org.scalefit.shapes.ParameterCount;
import org.scalefit.shapes.ShapeAccounting;
import org.scalefit.shapes.ShapeSearch;
import org.scalefit.uncertainty.ParabolaBands;

/**
 * Gemstones' overtraining parabola ({@code scalefit parabola}; McLeish et al. 2025 §4.3,
 * {@code overtrained_single_parabola.py}): for chosen FLOPs buckets of a width–depth {@link ShapeSearch}, the relaxed
 * optimum (w*, d*, t*) of the law, then for each overtraining factor f the shape of least predicted loss with
 * flops_per_token(w, d) = C / (t*·√f) ({@link ParabolaTrace}), costed with the relaxed parameter count with embeddings
 * as Gemstones; industry models whose loss lies within a band of a budget's interior losses are listed with it.
 *
 * @param law       the law minimised (a fit file or a Gemstones approach_3 file)
 * @param secondLaw a second law evaluated at every shape found, or null
 * @param search    the shape search that supplies the budgets' optima
 * @param buckets   the buckets (0-based) that get a parabola, in order (Gemstones' {@code mins.iloc} rows)
 * @param factors   the overtraining factors f
 * @param industry  the industry models listed
 * @param bootstrap the bootstrap document of the law's fit (with its draws), for the parabolas' bands
 *                  ({@link ParabolaBands}: each replicate's own parabola through the same buckets), or null
 */
public record ParabolaRequest(Path law, Path secondLaw, ShapeSearch search, List<Integer> buckets,
                              List<Double> factors, Industry industry, Path bootstrap) {

    /**
     * The industry models drawn as reference lines.
     *
     * @param drawn    whether any are listed (the band and exclusions are recorded either way)
     * @param file     Gemstones' {@code our_val_loss_data.json} form, or null for the bundled table
     * @param excluded models left out, by Hugging Face or short name
     * @param band     models whose loss lies within [min − band, max + band] of a budget's interior losses are listed
     */
    public record Industry(boolean drawn, Path file, List<String> excluded, double band) {
        public Industry {
            excluded = excluded.stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (!(band >= 0) || Double.isInfinite(band)) {
                throw new IllegalArgumentException("--industry-band must be a finite number >= 0, was " + band);
            }
        }

        /** Gemstones' figure: the bundled table without Llama-3.1-70B, band 0.01. */
        public static Industry gemstones() {
            return new Industry(true, null, List.of("meta-llama/Llama-3.1-70B"), 0.01);
        }
    }

    public ParabolaRequest {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(search, "search");
        Objects.requireNonNull(industry, "industry");
        buckets = List.copyOf(buckets);
        factors = List.copyOf(factors);
        for (int bucket : buckets) {
            if (bucket < 0 || bucket >= search.buckets().count()) {
                throw new IllegalArgumentException("--rows: bucket " + bucket + " is not in 0.."
                        + (search.buckets().count() - 1));
            }
        }
    }

    /** A request without bands. */
    public ParabolaRequest(Path law, Path secondLaw, ShapeSearch search, List<Integer> buckets, List<Double> factors,
                           Industry industry) {
        this(law, secondLaw, search, buckets, factors, industry, null);
    }

    /** {@link #run(Parallelism, FitProgress)} without progress. */
    public ParabolaResult run(Parallelism parallelism) {
        return run(parallelism, FitProgress.silent());
    }

    /**
     * Reads the laws (each checked before its bytes are hashed), the industry models and the bootstrap, and runs the
     * analysis on {@code parallelism}, telling {@code progress} of each replicate traced; the result does not depend
     * on the thread count.
     *
     * @throws org.scalefit.io.InputException if a law, the industry file or the bootstrap is bad
     */
    public ParabolaResult run(Parallelism parallelism, FitProgress progress) {
        List<LawInput> laws = new ArrayList<>();
        laws.add(lawInput("law", law, search.accounting()));
        if (secondLaw != null) {
            laws.add(lawInput("law2", secondLaw, search.accounting()));
        }
        Optional<IndustryModels> models = Optional.empty();
        if (industry.drawn()) {
            IndustryModels all = industry.file() != null ? IndustryModels.read(industry.file())
                    : IndustryModels.bundled();
            models = Optional.of(all.excluding(industry.excluded()));
        }
        FitBootstrapDocument.Replicates replicates = bootstrap == null ? null
                : FitBootstrapDocument.replicatesOf(bootstrap, law, laws.get(0).law().form().parameterCount());
        long begin = System.nanoTime();
        ShapeAccounting parabolaAccounting = new ShapeAccounting(search.accounting().architecture(),
                ParameterCount.RELAXED);
        Optional<FittedLaw> second = laws.size() > 1 ? Optional.of(laws.get(1).law()) : Optional.empty();
        List<Panel> panels = new ArrayList<>();
        double band = industry.band();
        for (ParabolaTrace trace : ParabolaTrace.through(laws.get(0).law(), second, search, buckets,
                parabolaAccounting, factors, parallelism)) {
            OvertrainingParabola parabola = trace.parabola();
            InputRange range = laws.get(0).dataRange();
            panels.add(new Panel(trace.row(), parabola, models.map(m -> m.near(parabola, band)).orElse(List.of()),
                    range == null ? List.of() : ShapeExtrapolations.of(range, parabola.optimum())));
        }
        ParabolaJson.Bootstrapped bands = replicates == null ? null : new ParabolaJson.Bootstrapped(
                replicates.file(), replicates.sha256(), replicates.unidentified(), ParabolaBands.trace(search,
                laws.get(0).law(), replicates.draws(), replicates.failed(), buckets, parabolaAccounting, factors,
                replicates.level(), parallelism, progress));
        double seconds = (System.nanoTime() - begin) / 1e9;
        return new ParabolaResult(new ParabolaJson.Analysis(search, laws, parabolaAccounting, factors, models, band,
                industry.excluded(), panels, bands), new RunTiming(parallelism.threads(), seconds));
    }

    /** The law in {@code file}, cautioned when its runs were counted with another architecture than the search's. */
    private static LawInput lawInput(String role, Path file, ShapeAccounting accounting) {
        FittedLaw read = ArchitectureCheck.cautioned(file, LawFiles.read(file), accounting);
        return new LawInput(role, file.toString(), LawFiles.sha256(file), read,
                LawFiles.inputRange(file).orElse(null));
    }
}
