package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scalefit.data.Observations;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.LawFit;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.LocalParallelism;


/**
 * On every bundled two-input dataset, early recognition (a user's opt-in shortcut, {@code --early-recognition}) ends
 * at or below the default search's objective (every start run to its end) times 1 + 10⁻⁹, and its answer passes the
 * stationarity test. At δ = 10⁻³ only; the adversarial corpus checks it at both δ, against the default search run
 * live ({@code MultiStartFitterTest}).
 *
 * <p>The default search's objectives are pinned ({@link #DEFAULT_OBJECTIVES}) from a run of the default engine of
 * main at 0dd4779 (2026-12-08), every fit {@code converged} with no start recognised; the default engine is held to
 * the bundled sets' pinned optima by {@code EngineNeverWorseTest} and {@code PublishedApproach3Test}. A default
 * engine that ends lower on a dataset re-pins it, so the opt-in is held to the best the default search has found.
 */
@Tag("exhaustive")
class EarlyRecognitionOnBundledDataTest {

    private static final List<String> DATASETS = List.of("gemstones:hot", "gemstones:hot_477", "gemstones:hot_100b+",
            "gemstones:hot_100b+_477", "gemstones:hot_100b+_512x", "gemstones:hot_120b+_only",
            "gemstones:hot_120b+_only_477", "gemstones:cool_begin", "gemstones:cool_end", "gemstones:lr_ablation_hot",
            "gemstones:lr_ablation_hot_477", "gemstones:hot_sampled_like_chinchilla",
            "gemstones:lr_ablation_hot_sampled_like_chinchilla", "gemstones:slim_chinchilla",
            "gemstones:lr_ablation_slim_chinchilla", "gemstones:fineweb_edu", "gemstones:fineweb_dclm",
            "chinchilla:epoch");

    /** Dataset → the default search's objective at δ = 10⁻³ (see the class comment). */
    private static final Map<String, Double> DEFAULT_OBJECTIVES = Map.ofEntries(
            Map.entry("gemstones:hot", 0.0019816128088066573),
            Map.entry("gemstones:hot_477", 0.011070211273503949),
            Map.entry("gemstones:hot_100b+", 0.0065925341645155944),
            Map.entry("gemstones:hot_100b+_477", 0.034551158279727490),
            Map.entry("gemstones:hot_100b+_512x", 7.8591022859515300e-05),
            Map.entry("gemstones:hot_120b+_only", 0.0038623979550755850),
            Map.entry("gemstones:hot_120b+_only_477", 0.018619429422685737),
            Map.entry("gemstones:cool_begin", 0.0019515324672414955),
            Map.entry("gemstones:cool_end", 0.0019640864311854030),
            Map.entry("gemstones:lr_ablation_hot", 0.0019728623965399733),
            Map.entry("gemstones:lr_ablation_hot_477", 0.010860882730191642),
            Map.entry("gemstones:hot_sampled_like_chinchilla", 0.00021737880889527499),
            Map.entry("gemstones:lr_ablation_hot_sampled_like_chinchilla", 0.00020227253112250923),
            Map.entry("gemstones:slim_chinchilla", 0.00012043603790119962),
            Map.entry("gemstones:lr_ablation_slim_chinchilla", 0.00011051902385872701),
            Map.entry("gemstones:fineweb_edu", 0.0072382233387150935),
            Map.entry("gemstones:fineweb_dclm", 0.0069701073010916060),
            Map.entry("chinchilla:epoch", 0.0018260105230693260));

    static Stream<Arguments> datasets() {
        return DATASETS.stream().map(data -> Arguments.of(data, 1e-3));
    }

    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("datasets")
    void earlyRecognitionEndsNoHigherThanTheDefaultSearch(String dataset, double delta) {
        Observations data = Observations.fromTable(new TableReader().read(dataset,
                ColumnRequest.of("params", "tokens", "loss")), LawForm.CHINCHILLA.inputs(), "loss");
        StartGrid grid = dataset.startsWith("chinchilla:") ? StartGrid.epoch() : StartGrid.gemstones(2);
        LawFit fast = fit(data, delta, grid, MultiStartFitter.Options.defaults().withRecognition(true));
        Double pinned = DEFAULT_OBJECTIVES.get(dataset);
        String both = String.format(Locale.ROOT, "%s: recognising %.17g (%s), default %s", dataset, fast.loss(),
                fast.status(), pinned);
        assertThat(pinned).as(both).isNotNull();
        assertThat(fast.loss()).as(both).isLessThanOrEqualTo(pinned * (1 + 1e-9));
        assertThat(fast.status()).as(both).isEqualTo(LawFit.Status.CONVERGED);
    }

    private static LawFit fit(Observations data, double delta, StartGrid grid, MultiStartFitter.Options options) {
        return new FitProblem(LawForm.CHINCHILLA, data, delta, grid, options)
                .fit(LocalParallelism.allCores(), FitProgress.silent());
    }
}
