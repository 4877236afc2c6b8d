package org.scalefit.io.analysis;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.scalefit.data.Observations;
import org.scalefit.data.RunKeys;
import org.scalefit.fit.FitProgress;
import org.scalefit.fit.Identification;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.io.BundledDataset;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitBootstrapDocument;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.InputException;
import org.scalefit.io.ReadProgress;
import org.scalefit.io.RunTiming;
import org.scalefit.io.StoredFit;
import org.scalefit.io.TableReader;
import org.scalefit.io.Transform;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.AllocationBands;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.ResamplingUnits;

/**
 * The bootstrap of a stored Approach-3 fit ({@code scalefit bootstrap --fit}): the data is reloaded from the fit's
 * provenance (data, column mapping, transforms) and checked against it — the same SHA-256, the same number of points,
 * and the fit's objective recomputed at its parameters — then points or whole runs are resampled with replacement
 * and each replicate is refitted from the fit's own parameters (once the points are known to identify the law under
 * the physical limits the fit recorded, {@link Prepared#identification()}), as Epoch AI do ({@link PairsBootstrap#fromEstimate}:
 * one local fit, so it measures the spread of the estimate's basin); for a params/tokens law, with the bands of the
 * compute-optimal allocation (Chinchilla eq. 4) at given budgets ({@link AllocationBands}).
 *
 * <p>The units resampled ({@link ResamplingUnits}): under {@code pairs} every point; under {@code runs} the distinct
 * values of the run key — the columns asked for, else (width, depth) when the data has both, else params. The rule
 * assumes the checkpoints of one run share a model shape and that one shape is one run (Gemstones' checkpoints,
 * Epoch AI's one run per size); a table of several runs per shape, e.g. one row per run with the runs named in a
 * run column, is resampled by shape unless {@code --run-key run} asks for the named runs, and is then warned about
 * ({@link Prepared#unitsWarning()}).
 *
 * @param fit        the fit file ({@code scalefit fit --out})
 * @param data       the data overriding the fit's ({@code data} null: the fit's own), with column mappings added to
 *                   the fit's
 * @param scheme     resample points or whole runs
 * @param runKey     the columns whose equal values make one run (empty: width,depth if present, else params);
 *                   the text column {@code run} (run, run_name, name or model) keys runs only when named here, so
 *                   that the default units of a table do not change with a column of names; when it is there and
 *                   names more distinct runs among the points than the units resampled, {@link
 *                   Prepared#unitsWarning()} says so
 * @param resamples  replicates
 * @param seed       the resampling seed
 * @param stream     the resampling stream
 * @param streamName the stream's name, as documents record it
 * @param compute    budgets in FLOPs for the allocation bands (empty: none)
 * @param level      central coverage of the percentile intervals and bands, in percent
 */
public record FitBootstrapRequest(Path fit, DataOverride data, ResamplingUnits.Scheme scheme, List<String> runKey,
                                  int resamples, long seed, ResamplingStream stream, String streamName,
                                  double[] compute, double level) {

    /** Relative agreement required between the stored and the recomputed objective at the fit's parameters. */
    private static final double OBJECTIVE_AGREEMENT = 1e-9;

    /**
     * Data other than the fit's: a file or dataset ({@code data} null: the fit's own), column mappings added to the
     * fit's, a row condition ({@code where} null: the one the fit recorded, if any), and who is told how far the read
     * has got.
     */
    public record DataOverride(String data, Map<String, String> columns, String where, ReadProgress progress) {

        public DataOverride {
            columns = Map.copyOf(columns);
            Objects.requireNonNull(progress, "progress");
        }

        /** An override whose reads report no progress. */
        public DataOverride(String data, Map<String, String> columns, String where) {
            this(data, columns, where, ReadProgress.NONE);
        }

        /** The fit's own data. */
        public static DataOverride none() {
            return new DataOverride(null, Map.of(), null);
        }

        /** The same override, its reads reported to {@code listener}. */
        public DataOverride withProgress(ReadProgress listener) {
            return new DataOverride(data, columns, where, listener);
        }
    }

    public FitBootstrapRequest {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(data, "data");
        runKey = List.copyOf(runKey);
        compute = compute.clone();
        if (!(level > 0 && level < 100)) {
            throw new IllegalArgumentException("--level must be between 0 and 100 percent, was " + level);
        }
        if (scheme == ResamplingUnits.Scheme.PAIRS && !runKey.isEmpty()) {
            throw new IllegalArgumentException("--run-key applies to --scheme runs");
        }
    }

    /**
     * The bootstrap of {@code fit} on its own data: {@code resamples} replicates resampling whole runs (the default
     * run key), NumPy's stream seeded with {@code seed}, 95 % intervals, no allocation bands.
     */
    public static FitBootstrapRequest of(Path fit, int resamples, long seed) {
        return new FitBootstrapRequest(fit, DataOverride.none(), ResamplingUnits.Scheme.RUNS, List.of(), resamples,
                seed, ResamplingStream.NUMPY_RANDOM_STATE, "numpy", new double[0], 95);
    }

    /** The same bootstrap resampling by {@code next} (single points or whole runs). */
    public FitBootstrapRequest withScheme(ResamplingUnits.Scheme next) {
        return new FitBootstrapRequest(fit, data, next, runKey, resamples, seed, stream, streamName, compute, level);
    }

    /** The same bootstrap with the allocation's bands at {@code budgets} FLOPs (params/tokens laws). */
    public FitBootstrapRequest withCompute(double... budgets) {
        return new FitBootstrapRequest(fit, data, scheme, runKey, resamples, seed, stream, streamName, budgets, level);
    }

    @Override
    public double[] compute() {
        return compute.clone();
    }

    /**
     * The fit, its reloaded and checked points, and the units to resample.
     *
     * @param stored   the fit as read
     * @param source   the data the points were read from
     * @param moved    a note when the data was found at the fit's recorded absolute path instead, else null
     * @param inputs   the reloaded points
     * @param runKey   the run key used (empty for points)
     * @param units    what is resampled
     * @param identification whether the reloaded points identify the law under the physical limits the fit
     *                 recorded ({@link StoredFit#limits()}: its {@code --max-params}, {@code --max-tokens}); the
     *                 bootstrap is not to be run when they do not
     * @param unitsWarning a warning when the data's run column names more runs among the points than the runs
     *                 scheme resamples (its key is not {@code run}: e.g. the default params puts the runs of one
     *                 size in one unit), else null
     */
    public record Prepared(FitBootstrapRequest request, StoredFit stored, DataSource source, String moved,
                           FitInputs inputs, List<String> runKey, ResamplingUnits units,
                           Identification identification, String unitsWarning) {

        /** Runs the bootstrap on {@code parallelism}; the result depends on the seed only. */
        public FitBootstrapOutcome run(Parallelism parallelism, FitProgress progress) {
            PairsBootstrap bootstrap = PairsBootstrap.fromEstimate(stored.law(), stored.delta(), request.resamples(),
                    request.seed()).withStream(request.stream());
            long begin = System.nanoTime();
            BootstrapResult result = bootstrap.run(inputs.observations(), units, parallelism, progress);
            AllocationBands allocation = request.compute.length == 0 ? null : AllocationBands.of(stored.law().theta(),
                    result, request.compute(), request.level());
            double seconds = (System.nanoTime() - begin) / 1e9;
            FitProvenance used = new FitProvenance(source.data(), inputs.table().contentHash(), inputs.transforms(),
                    stored.provenance().version(), inputs.columns().fileColumns());
            FitBootstrapDocument.Resampling described = new FitBootstrapDocument.Resampling(units, runKey, request.seed(),
                    request.streamName(), request.level());
            List<String> extrapolations = allocation == null || !allocation.computed() ? List.of()
                    : org.scalefit.io.AllocationRules.extrapolations(stored.file().toString(),
                            allocation.bands().stream().map(AllocationBands.Band::estimate).toList());
            return new FitBootstrapOutcome(stored, used, result, described,
                    unitsWarning == null ? List.of() : List.of(unitsWarning), allocation, extrapolations,
                    new RunTiming(parallelism.threads(), seconds));
        }
    }

    /**
     * Reads the fit and reloads its data, checking that the points are the fit's.
     *
     * @throws InputException if the fit file, the data, or their agreement is bad
     */
    public Prepared prepare() {
        StoredFit stored = StoredFit.read(fit);
        FitProvenance recorded = stored.provenance();
        String sourceData = data.data() != null ? data.data() : recorded.data();
        String moved = null;
        if (data.data() == null && recorded.data().equals("-")) {
            throw new InputException("-", null, null, "the data " + fit + " was fitted on, given again with --data "
                    + "FILE (the fit read it from standard input)", "standard input, which is read only once");
        }
        if (data.data() == null && !BundledDataset.exists(recorded.data()) && !recorded.data().contains("://")
                && !Files.exists(Path.of(recorded.data()))) {
            String absolute = recorded.dataAbsolute();
            if (absolute != null && Files.exists(Path.of(absolute))) {
                // the fit was run in another folder: its provenance also holds the path made absolute there
                moved = "reading " + absolute + " (" + fit + "'s data_absolute; " + recorded.data()
                        + " is not found from " + Path.of("").toAbsolutePath() + ")";
                sourceData = absolute;
            } else {
                throw new InputException(recorded.data(), null, null, "the data named in " + fit + "'s provenance "
                        + "(a path as given to scalefit fit, read from the current folder "
                        + Path.of("").toAbsolutePath() + (absolute != null ? ", and its absolute path then, "
                        + absolute : "") + "); run from the folder the fit was run in, or give the data with "
                        + "--data FILE", "nothing at that path");
            }
        }
        DataSource source = new DataSource(sourceData, recorded.columns()).withColumns(data.columns())
                .withWhere(data.where() != null ? data.where() : ColumnRequest.whereIn(recorded.transforms()))
                .withUnits(ColumnRequest.unitsIn(recorded.transforms()))
                .withProgress(data.progress());
        FitInputs inputs;
        try {
            inputs = FitInputs.read(source, stored.law().form(), Transform.parse(recorded.transforms(),
                    fit.toString()), FitInputs.runKeyCandidates(runKey));
        } catch (InputException e) {
            throw textRunKey(e);
        }
        requireSameData(stored, inputs);
        Identification identification = Identification.of(stored.law().form(), inputs.observations(),
                stored.limits());
        List<String> key = scheme == ResamplingUnits.Scheme.RUNS ? inputs.runKey(runKey) : List.of();
        ResamplingUnits units = scheme == ResamplingUnits.Scheme.RUNS
                ? ResamplingUnits.runs(RunKeys.of(inputs.columns(key)))
                : ResamplingUnits.points(inputs.observations().size());
        String unitsWarning = scheme == ResamplingUnits.Scheme.RUNS && !key.contains(RUN)
                && !DataSource.STDIN.equals(source.data())
                ? unitsWarning(namedRuns(source, inputs), units, key) : null;
        return new Prepared(this, stored, source, moved, inputs, key, units, identification, unitsWarning);
    }

    /** The logical text column naming each run ({@link ColumnMapping#TEXT_NAMES}). */
    private static final String RUN = "run";

    /**
     * The number of distinct names the data's run column ({@value #RUN}, or a file column it is found under) gives the
     * fitted points, or 0 when there is no such column; read apart from the fit's columns (so never from standard
     * input, which is read once), by a reader that takes a blank cell as a name like any other, so that the column
     * neither fails the bootstrap nor enters its provenance.
     */
    private static int namedRuns(DataSource source, FitInputs inputs) {
        TableReader.Read read = source.withProgress(ReadProgress.NONE).withUnits(java.util.Map.of())
                .readWithColumns(ColumnRequest.of("loss")
                .withOptional(RUN), TableReader.keepingBadValues());
        if (read.text(RUN).isEmpty()) {
            return 0;
        }
        List<String> names = read.text(RUN).get();
        if (names.size() != inputs.table().rows()) {
            return 0;   // not the rows the fit read (cannot happen for one file read twice)
        }
        Set<String> distinct = new HashSet<>();
        for (int row : inputs.rows()) {
            distinct.add(names.get(row));
        }
        return distinct.size();
    }

    /** The warning that {@code named} runs are resampled as fewer {@code units} under {@code key}, or null. */
    private static String unitsWarning(int named, ResamplingUnits units, List<String> key) {
        if (named <= units.units()) {
            return null;
        }
        return String.format(Locale.ROOT, "the run column names %d runs among the points, but the runs scheme "
                + "resampled %d units, the distinct values of %s: points of different named runs are drawn together "
                + "as one unit, so the intervals are those of %d clusters, not of %d runs; --run-key run resamples "
                + "each named run", named, units.units(), String.join(",", key), units.units(), named);
    }

    /**
     * {@code e}, or, when it is a run-key column of text (a run's name, read as a number), the same error saying how
     * to key runs by their names: the logical column {@code run} ({@link ColumnMapping#TEXT_NAMES}).
     */
    private InputException textRunKey(InputException e) {
        if (e.column().isEmpty() || !runKey.contains(e.column().get()) || e.line().isEmpty()
                || ColumnMapping.TEXT_NAMES.contains(e.column().get())) {
            return e;
        }
        String column = e.column().get();
        return new InputException(e.file(), e.locations(), e.line().getAsInt(), column, e.expected() + " (a run key is read as a "
                + "number; to key runs by a text column such as their names, use --run-key run, with --column run="
                + column + " if the file's name for it is not one run is found under)", e.found(), e);
    }

    /** The reloaded points must be the fit's: same bytes, same count, same objective at the fit's parameters. */
    private static void requireSameData(StoredFit stored, FitInputs inputs) {
        String data = inputs.table().source();
        String recordedSha = stored.provenance().dataSha256();
        if (!recordedSha.equals(inputs.table().contentHash())) {
            throw new InputException(data, null, null, "the data " + stored.file() + " was fitted on (SHA-256 "
                    + recordedSha + ")", "content with SHA-256 " + inputs.table().contentHash());
        }
        Observations observations = inputs.observations();
        if (observations.size() != stored.points()) {
            throw new InputException(data, null, null, stored.points() + " points after the transforms "
                    + stored.provenance().transforms() + ", as " + stored.file() + " records",
                    observations.size() + " points");
        }
        double recomputed = HuberLogLossObjective.of(stored.law().form(), observations, stored.delta())
                .value(stored.law().theta());
        if (!(Math.abs(recomputed - stored.loss()) <= OBJECTIVE_AGREEMENT * Math.abs(stored.loss()))) {
            throw new InputException(stored.file().toString(), null, "loss", "the objective recomputed on the "
                    + "reloaded points, " + recomputed + " (the points or their columns differ from the fit's)",
                    String.valueOf(stored.loss()));
        }
    }
}
