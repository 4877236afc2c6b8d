package org.scalefit.io.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.data.RunTable;
import org.scalefit.io.GemstonesBenchmarks;
import org.scalefit.io.TableReader;
import org.scalefit.overtraining.BenchmarkLawFits;
import org.scalefit.overtraining.DownstreamFitter;
import org.scalefit.overtraining.SigmoidAccuracyFitter;

/**
 * Gemstones' benchmark figures as an analysis (McLeish et al. 2025; {@code gadre_fit.py}, {@code bhagia_fit.py},
 * {@code fineweb_loss_plot.py}): Gadre et al.'s (2024) error law and Bhagia et al.'s (2024) sigmoid fitted to every
 * benchmark checkpoint that {@code losses} has a validation loss for ({@link BenchmarkLawFits}, as
 * {@link BenchmarksRequest} with both laws), and the same checkpoints' losses on other validation sets.
 *
 * @param benchmarks     the benchmark results
 * @param losses         the validation losses the laws are fitted against
 * @param fits           the matched checkpoints and the two laws
 * @param validationSets per validation set's name, its loss table (columns width, depth, tokens, loss)
 */
public record GemstonesBenchmarkLaws(GemstonesBenchmarks benchmarks, RunTable losses, BenchmarkLawFits fits,
                                     Map<String, RunTable> validationSets) {

    public GemstonesBenchmarkLaws {
        Objects.requireNonNull(benchmarks, "benchmarks");
        Objects.requireNonNull(losses, "losses");
        Objects.requireNonNull(fits, "fits");
        validationSets = Collections.unmodifiableMap(new LinkedHashMap<>(validationSets));
    }

    /** Fits both laws to the checkpoints of {@code benchmarks} matched with {@code losses}. */
    public static GemstonesBenchmarkLaws of(GemstonesBenchmarks benchmarks, RunTable losses,
                                            Map<String, RunTable> validationSets) {
        BenchmarkLawFits fits = BenchmarkLawFits.of(benchmarks.atLosses(losses), Optional.of(DownstreamFitter.gadre()),
                Optional.of(SigmoidAccuracyFitter.bhagia()));
        return new GemstonesBenchmarkLaws(benchmarks, losses, fits, validationSets);
    }

    /** The bundled loss tables of Dolma (the training distribution's validation set), FineWeb-Edu and DCLM, by name. */
    public static Map<String, RunTable> validationSets(TableReader reader) {
        Map<String, RunTable> sets = new LinkedHashMap<>();
        sets.put("Dolma", reader.read("gemstones:hot_100b+", GemstonesBenchmarks.lossColumns()));
        sets.put("FineWeb-Edu", reader.read("gemstones:fineweb_edu", GemstonesBenchmarks.lossColumns()));
        sets.put("DCLM", reader.read("gemstones:fineweb_dclm", GemstonesBenchmarks.lossColumns()));
        return sets;
    }
}
