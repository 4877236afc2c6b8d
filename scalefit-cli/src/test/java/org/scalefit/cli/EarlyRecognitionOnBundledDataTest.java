package org.scalefit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
 * at the default search's objective (every start run to its end), and both answers pass the stationarity test. At
 * δ = 10⁻³ only (both thresholds: 200 s of CI); the adversarial corpus checks it at both.
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

    static Stream<Arguments> datasets() {
        return DATASETS.stream().map(data -> Arguments.of(data, 1e-3));
    }

    @ParameterizedTest(name = "{0}, δ = {1}")
    @MethodSource("datasets")
    void earlyRecognitionEndsWhereTheDefaultSearchEnds(String dataset, double delta) {
        Observations data = Observations.fromTable(new TableReader().read(dataset,
                ColumnRequest.of("params", "tokens", "loss")), LawForm.CHINCHILLA.inputs(), "loss");
        StartGrid grid = dataset.startsWith("chinchilla:") ? StartGrid.epoch() : StartGrid.gemstones(2);
        LawFit fast = fit(data, delta, grid, MultiStartFitter.Options.defaults().withRecognition(true));
        LawFit exhaustive = fit(data, delta, grid, MultiStartFitter.Options.defaults());
        assertThat(exhaustive.search().recognisedStarts()).isZero();
        assertThat(fast.loss()).isCloseTo(exhaustive.loss(), within(1e-9 * exhaustive.loss()));
        assertThat(fast.status()).isEqualTo(LawFit.Status.CONVERGED);
        assertThat(exhaustive.status()).isEqualTo(LawFit.Status.CONVERGED);
    }

    private static LawFit fit(Observations data, double delta, StartGrid grid, MultiStartFitter.Options options) {
        return new FitProblem(LawForm.CHINCHILLA, data, delta, grid, options)
                .fit(LocalParallelism.allCores(), FitProgress.silent());
    }
}
