package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.io.DataSource;
import org.scalefit.io.IsoflopInputs;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.IsoflopAnalysis;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopIntervals;
import org.scalefit.isoflop.IsoflopSettings;
import org.scalefit.isoflop.SeedNoise;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.ResamplingStream;

/**
 * Chinchilla's Approach 2 as Porian et al. 2024 run it ({@code scalefit isoflop}): per FLOP budget C the IsoFLOP
 * profile L(N) is Akima-interpolated in (ln N, ln L), its minimum located and its spread measured by a seed-noise
 * bootstrap L̃ = L + σ(L)·z ({@link IsoflopAnalysis}); then the power laws N*(C) = k_N·C^a, D*(C) = k_D·C^b and
 * ρ*(C) = D* ÷ N* = k_ρ·C^(b−a) are fitted to the optima by least squares in log–log space, plain and weighted by the
 * spreads, with bootstrap intervals ({@link IsoflopFits}; Hoffmann et al. 2022 §3.2, Porian et al. 2024 §2 and
 * {@code analysis.py}).
 *
 * <pre>{@code
 * IsoflopResult result = IsoflopRequest.of(DataSource.of("runs.csv")).run(LocalParallelism.allCores());
 * Files.writeString(Path.of("isoflop.json"), result.document().write());
 * }</pre>
 *
 * @param data        the runs: a run table (one row per run: budget, size, final loss), a checkpoint table, or a
 *                    bundled Porian et al. configuration ({@link IsoflopInputs#read})
 * @param checkpoints how the rows of a checkpoint table are counted, or null for a run table
 *                    ({@link IsoflopInputs#readCheckpoints})
 * @param budgets     the budgets C to analyse; empty for all (checkpoints: {@code CheckpointIsoflops.ladder})
 * @param replicates  seed-noise bootstrap replicates B per budget and axis
 * @param seed        the seed of the normals
 * @param stream      where the normals come from
 * @param noise       σ(L), or null for the data's own (a Porian configuration's, as implemented) or else
 *                    RefinedWeb's as implemented
 * @param lossFit     also fit the saturating law L*(C) = E + A·C^(−α) ({@link IsoflopFits#of})
 * @param allocate    budgets at which the documents give N*, D*, ρ* of the bs_median_weighted laws (positive,
 *                    finite FLOPs)
 */
public record IsoflopRequest(DataSource data, Checkpoints checkpoints, List<Double> budgets, int replicates,
                             long seed, ResamplingStream stream, SeedNoise noise, boolean lossFit,
                             List<Double> allocate) {

    /**
     * How a checkpoint's size is counted: N = FLOPs per token ÷ 6 in {@code count} (the params column for
     * {@link FlopCount#SIX_N}, else from width and depth in {@code architecture}).
     */
    public record Checkpoints(FlopCount count, Architecture architecture) {
        public Checkpoints {
            Objects.requireNonNull(count, "count");
            Objects.requireNonNull(architecture, "architecture");
        }
    }

    public IsoflopRequest {
        Objects.requireNonNull(data, "data");
        budgets = List.copyOf(budgets);
        Objects.requireNonNull(stream, "stream");
        allocate = List.copyOf(allocate);
        for (double c : allocate) {
            if (!(c > 0) || Double.isInfinite(c)) {
                throw new IllegalArgumentException("--allocate takes budgets in FLOPs, positive and finite; was " + c);
            }
        }
    }

    /**
     * A run table analysed as Porian et al. do: 1000 replicates from seed 42 of the splittable stream, the data's
     * noise, no loss fit, the allocation at Chinchilla's 5.88e23 FLOPs.
     */
    public static IsoflopRequest of(DataSource data) {
        return new IsoflopRequest(data, null, List.of(), 1000, 42, ResamplingStream.SPLITTABLE, null, false,
                List.of(IsoflopIntervals.CHINCHILLA_FLOPS));
    }

    /**
     * The random stream of a command-line name: {@code splittable} or {@code numpy}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static ResamplingStream stream(String name) {
        return switch (name) {
            case "splittable" -> ResamplingStream.SPLITTABLE;
            case "numpy" -> ResamplingStream.NUMPY_RANDOM_STATE;
            default -> throw new IllegalArgumentException("--stream must be splittable or numpy, was " + name);
        };
    }

    /** The command-line and document name of {@code stream}: numpy or splittable. */
    public static String streamName(ResamplingStream stream) {
        return stream == ResamplingStream.NUMPY_RANDOM_STATE ? "numpy" : "splittable";
    }

    /**
     * The checkpoint FLOP count of a command-line name: standard (6N), kaplan or attention (inclusive).
     *
     * @throws IllegalArgumentException for another name
     */
    public static FlopCount accounting(String name) {
        return switch (name) {
            case "standard" -> FlopCount.SIX_N;
            case "kaplan" -> FlopCount.KAPLAN;
            case "attention" -> FlopCount.ATTENTION_INCLUSIVE;
            default -> throw new IllegalArgumentException("--accounting must be standard, kaplan or attention, was "
                    + name);
        };
    }

    /**
     * Porian et al.'s σ(L) by name: rw or owt2 (their RefinedWeb / OpenWebText2 parameters as implemented),
     * rw-log-linear or owt2-log-linear (the paper's intended log-linear model).
     *
     * @throws IllegalArgumentException for another name
     */
    public static SeedNoise noiseModel(String name) {
        return switch (name) {
            case "rw" -> SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED);
            case "owt2" -> SeedNoise.openWebText2(SeedNoise.Rule.AS_IMPLEMENTED);
            case "rw-log-linear" -> SeedNoise.refinedWeb(SeedNoise.Rule.LOG_LINEAR);
            case "owt2-log-linear" -> SeedNoise.openWebText2(SeedNoise.Rule.LOG_LINEAR);
            default -> throw new IllegalArgumentException("--noise-model must be rw, owt2, rw-log-linear or "
                    + "owt2-log-linear, was " + name);
        };
    }

    /**
     * A constant σ for every loss.
     *
     * @throws IllegalArgumentException unless σ is finite and ≥ 0
     */
    public static SeedNoise constantNoise(double sigma) {
        if (!(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("--noise must be a finite σ ≥ 0, was " + sigma);
        }
        return SeedNoise.constant(sigma);
    }

    /**
     * Reads the data, analyses every budget and, when at least two have an optimum, fits the power laws.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       for a budget the data does not have, or a Porian id that names a whole
     *                                        table
     */
    public IsoflopResult run(Parallelism parallelism) {
        IsoflopInputs inputs;
        if (checkpoints != null) {
            inputs = IsoflopInputs.readCheckpoints(data, checkpoints.count(), checkpoints.architecture(), budgets);
        } else {
            inputs = IsoflopInputs.read(data);
            if (!budgets.isEmpty()) {
                inputs = inputs.only(budgets);
            }
        }
        SeedNoise sigma = noise != null ? noise : inputs.noise() != null ? inputs.noise()
                : SeedNoise.refinedWeb(SeedNoise.Rule.AS_IMPLEMENTED);
        IsoflopSettings settings = IsoflopSettings.porian(sigma).withReplicates(replicates);
        List<BudgetOptimum> optima = IsoflopAnalysis.optima(inputs.budgets(), settings, stream.normals(seed),
                parallelism, inputs.columns());
        List<String> warnings = Stream.concat(inputs.warnings().stream(), Stream.of(SeedNoise.lossRangeWarning(
                inputs.budgets()), sigma.scaleWarning(inputs.budgets()), sigma.replicateWarning(inputs.budgets()))
                .flatMap(Optional::stream)).toList();
        long usable = optima.stream().filter(BudgetOptimum::hasOptimum).count();
        if (usable < 2) {
            String failure = usable + " budget" + (usable == 1 ? " has" : "s have")
                    + " an optimum; at least 2 are needed for the power laws"
                    + (warnings.isEmpty() ? "" : " (" + String.join("; ", warnings) + ")");
            return new IsoflopResult(this, inputs, settings, optima, null, failure, parallelism.threads());
        }
        IsoflopFits fits = IsoflopFits.of(optima, lossFit, parallelism).withWarnings(warnings);
        return new IsoflopResult(this, inputs, settings, optima, fits, null, parallelism.threads());
    }
}
