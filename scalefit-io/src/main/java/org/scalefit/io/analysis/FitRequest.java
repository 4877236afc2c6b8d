package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import org.scalefit.data.RepeatedTokens;
import org.scalefit.fit.FitProblem;
import org.scalefit.fit.Identification;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RepeatedData;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.Transform;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.EngineProvider;

/**
 * An Approach-3 fit of a run table, as {@code scalefit fit} makes it: the runs ({@link DataSource}), the
 * {@link Transform}s applied to them, then the {@link FitProblem} — the law L = E + Σ_j exp(c_j)·x_j^(−α_j) fitted
 * by multi-start L-BFGS on the Huber loss of log-loss residuals (Hoffmann et al. 2022 §3.3, Besiroglu et al. 2024
 * eq. 2).
 *
 * <pre>{@code
 * FitOutcome outcome = FitRequest.of(DataSource.of("runs.csv"), LawForm.CHINCHILLA)
 *         .prepare().fit(LocalParallelism.allCores(), FitProgress.silent());
 * }</pre>
 *
 * @param data            the runs
 * @param law             the law's form
 * @param transforms      applied in order before fitting
 * @param delta           the Huber threshold δ on log-loss residuals
 * @param grid            the starting points
 * @param polish          polish the best starts ({@link MultiStartFitter.Options#polish()})
 * @param recognition     stop starts that reach an already-found worse basin early (a shortcut that can change the
 *                        answer; off by default)
 * @param maxEvaluations  at most this many objective evaluations per start and stage, or null for the default
 * @param limits          the physical limits on the inputs beyond which the data cannot identify the law
 */
public record FitRequest(DataSource data, LawForm law, List<Transform> transforms, double delta, StartGrid grid,
                         boolean polish, boolean recognition, Integer maxEvaluations, Identification.Limits limits) {

    /**
     * The Huber threshold δ unless another is given, as text (the command line's default): 1e-3, Hoffmann et al.
     * (2022)'s and Epoch AI's (Besiroglu et al. 2024) value. Gemstones published fits at δ = 1e-3 and 1e-4.
     */
    public static final String DEFAULT_DELTA_TEXT = "1e-3";
    /** {@link #DEFAULT_DELTA_TEXT} as a number. */
    public static final double DEFAULT_DELTA = Double.parseDouble(DEFAULT_DELTA_TEXT);
    /** The column of each run's unique tokens (Muennighoff et al. 2023's U_D), read for {@link RepeatedTokens}. */
    public static final String UNIQUE_TOKENS = RepeatedData.UNIQUE_TOKENS;
    /** The column of each run's epochs over its unique tokens, read for {@link RepeatedTokens} without U_D. */
    public static final String EPOCHS = RepeatedData.EPOCHS;

    public FitRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(grid, "grid");
        transforms = List.copyOf(transforms);
        Objects.requireNonNull(limits, "limits");
    }

    /** A request under the default physical limits on the inputs ({@link Identification.Limits#DEFAULTS}). */
    public FitRequest(DataSource data, LawForm law, List<Transform> transforms, double delta, StartGrid grid,
                      boolean polish, boolean recognition, Integer maxEvaluations) {
        this(data, law, transforms, delta, grid, polish, recognition, maxEvaluations, Identification.Limits.DEFAULTS);
    }

    /** {@code law} fitted to {@code data} as given, at δ = 1e-3 from Gemstones' grid, polished, every start to its end. */
    public static FitRequest of(DataSource data, LawForm law) {
        return new FitRequest(data, law, List.of(), DEFAULT_DELTA, StartGrid.gemstones(law.arity()), true, false,
                null, Identification.Limits.DEFAULTS);
    }

    /** The same request with {@code next} transforms. */
    public FitRequest withTransforms(List<Transform> next) {
        return new FitRequest(data, law, next, delta, grid, polish, recognition, maxEvaluations, limits);
    }

    /** The same request at Huber threshold {@code next}. */
    public FitRequest withDelta(double next) {
        return new FitRequest(data, law, transforms, next, grid, polish, recognition, maxEvaluations, limits);
    }

    /** The same request from the starts of {@code next}. */
    public FitRequest withGrid(StartGrid next) {
        return new FitRequest(data, law, transforms, delta, next, polish, recognition, maxEvaluations, limits);
    }

    /** The same request under other physical limits on the inputs ({@link Identification}). */
    public FitRequest withLimits(Identification.Limits next) {
        return new FitRequest(data, law, transforms, delta, grid, polish, recognition, maxEvaluations, next);
    }

    /** The search options this request asks for. */
    public MultiStartFitter.Options options() {
        MultiStartFitter.Options options = MultiStartFitter.Options.defaults().withRecognition(recognition)
                .withPolish(polish);
        return maxEvaluations == null ? options : options.withMaxEvaluations(maxEvaluations);
    }

    /**
     * Reads the runs (through {@code engine}, which may first copy them to this machine) and applies the transforms.
     * Provenance names the data as given, unless the engine read a copy of it.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       if a transform does not apply to the law
     */
    public PreparedFit prepare(EngineProvider.Engine engine) {
        return prepare(engine.localCopy(data.data()));
    }

    /**
     * Reads the runs from this machine and applies the transforms; the same read tells whether the points repeat
     * their data ({@link PreparedFit#repetition()}), standard input included.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       if a transform does not apply to the law
     */
    public PreparedFit prepare() {
        return prepare(data.data());
    }

    /** The columns of {@link FitInputs#countedShapes()}, read beside the law's inputs when the data has them. */
    private static final List<String> COUNTED_SHAPE_COLUMNS = List.of("width", "depth", "params");

    private PreparedFit prepare(String localData) {
        // width, depth and params are read when the data has them, so the fit records the shapes its runs counted
        FitInputs inputs = FitInputs.read(data.reading(localData), law, transforms, COUNTED_SHAPE_COLUMNS);
        String dataId = localData.equals(data.data()) ? inputs.table().source() : data.data();
        FitProvenance provenance = new FitProvenance(dataId, inputs.table().contentHash(), inputs.transforms(),
                ScalefitVersion.current(), inputs.columns().fileColumns());
        return new PreparedFit(this, inputs, provenance, inputs.repetition());
    }
}
