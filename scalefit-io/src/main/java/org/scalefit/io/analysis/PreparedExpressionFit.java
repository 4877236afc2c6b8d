package org.scalefit.io.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.scalefit.data.RepeatedTokens;
import org.scalefit.data.RunTable;
import org.scalefit.fit.Identification;
import org.scalefit.fit.MultiStartFitter;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.ExpressionFitDocument;
import org.scalefit.io.FitInputs;
import org.scalefit.io.LawFileDocument;
import org.scalefit.io.RepeatedData;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.InputException;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;
import org.scalefit.io.Transform;
import org.scalefit.io.store.CacheKey;
import org.scalefit.io.store.ObservationsDigest;
import org.scalefit.io.store.StoredRunTable;
import org.scalefit.law.expr.ExpressionBootstrap;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionException;
import org.scalefit.law.expr.ExpressionFit;
import org.scalefit.law.expr.ExpressionFitRequest;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawPoints;
import org.scalefit.law.expr.Residual;

/**
 * A fit of a law of the law language ({@code scalefit fit --law '<expression>'} or {@code --law-file}) with its
 * data read: the points F(θ) = Σ_i w_i·ρ(r_i(θ)) is summed over ({@link ExpressionFitRequest}), where they came
 * from, and the key under which the result document is stored ({@link #cacheKey()}), as {@link PreparedFit} is for
 * the built-in laws.
 *
 * @param law        the law and its controls (parameters, residual, penalty)
 * @param weights    the data column of per-point weights, or null for none
 * @param points     the points fitted: the law's input columns, losses and weights
 * @param table      the run table the points were read from
 * @param columns    the file column each logical column was read from
 * @param provenance the data as named, its SHA-256, the row condition (as a transform label), the scalefit version
 * @param options    the multi-start engine's options
 * @param limits     the physical limits on the inputs beyond which the data cannot identify the law
 * @param bootstrap  pairs-bootstrap replicates refitted after the fit, or null for none
 * @param seed       the bootstrap's seed (unused without {@code bootstrap})
 * @param repetition whether the points fitted repeat their data ({@link RepeatedData}, read in the same pass), or
 *                   null when the table does not say, the law has no tokens input, or the law reads the unique
 *                   tokens or epochs itself (it models repetition); its caution is added to the fit's warnings
 */
public record PreparedExpressionFit(ExpressionLaw law, String weights, LawPoints points, RunTable table,
                                    ColumnMapping columns, FitProvenance provenance,
                                    MultiStartFitter.Options options, Identification.Limits limits,
                                    Integer bootstrap, long seed, RepeatedTokens repetition) {

    /** The store's analysis kind of an expression-law fit. */
    public static final String ANALYSIS = "expression-fit";

    public PreparedExpressionFit {
        Objects.requireNonNull(law, "law");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(provenance, "provenance");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(limits, "limits");
        if (bootstrap != null && bootstrap < 2) {
            throw new IllegalArgumentException("--bootstrap needs at least 2 replicates, was " + bootstrap);
        }
    }

    /**
     * Reads the law's input columns, the loss and the weight column of {@code data} from {@code localData} (the data
     * itself, or a local copy of it that an engine made); provenance names the data as given. A law that reads
     * {@code tokens_per_param} (Gadre et al.'s M) on data with no such column but with params and tokens is fitted on
     * M = tokens/params ({@link Transform.TokensPerParam}, recorded among the provenance's transforms).
     *
     * @throws org.scalefit.io.InputException if the data is bad or lacks a column (the caller may name the input)
     * @throws IllegalArgumentException       if the weight column is missing
     * @throws ExpressionException            if an input of the law reads the loss column, the values it is fitted to
     */
    public static PreparedExpressionFit read(ExpressionLaw law, String weights, DataSource data, String localData,
                                             MultiStartFitter.Options options, Identification.Limits limits,
                                             Integer bootstrap, long seed) {
        return read(law, weights, data, localData, options, limits, bootstrap, seed, List.of());
    }

    /**
     * As {@link #read(ExpressionLaw, String, DataSource, String, MultiStartFitter.Options, Identification.Limits,
     * Integer, long)}, with {@code extraColumns} also read into {@link #table()} when the data has them (e.g. the
     * columns that tell model sizes apart; a text one, e.g. {@code run}, as the number of each distinct text,
     * {@link FitInputs#withTextKeys}). The points are the table's rows, in order.
     */
    public static PreparedExpressionFit read(ExpressionLaw law, String weights, DataSource data, String localData,
                                             MultiStartFitter.Options options, Identification.Limits limits,
                                             Integer bootstrap, long seed, List<String> extraColumns) {
        List<String> wanted = new ArrayList<>(law.columns());
        if (weights != null) {
            wanted.add(weights);
        }
        wanted.add("loss");
        List<String> transforms = new ArrayList<>();
        transforms.addAll(data.selectionLabels());
        DataSource source = data.reading(localData);
        boolean readTwice = law.columns().contains(Transform.TokensPerParam.COLUMN);   // if M is to be derived
        Path standardInput = readTwice && DataSource.STDIN.equals(localData) ? copyOfStandardInput() : null;
        try {
            return read(law, weights, data, localData, source, standardInput, wanted, extraColumns, transforms,
                    options, limits, bootstrap, seed);
        } finally {
            if (standardInput != null) {
                try {
                    Files.deleteIfExists(standardInput);
                } catch (IOException ignored) {
                    // a temporary file left behind harms no result
                }
            }
        }
    }

    private static PreparedExpressionFit read(ExpressionLaw law, String weights, DataSource data, String localData,
                                              DataSource source, Path standardInput, List<String> wanted,
                                              List<String> extraColumns, List<String> transforms,
                                              MultiStartFitter.Options options,
                                              Identification.Limits limits, Integer bootstrap, long seed) {
        TableReader.Read read;
        RunTable table;
        try {
            read = read(source, request(law, weights, wanted, extraColumns), standardInput);
            table = read.table();
        } catch (InputException missing) {
            Transform.TokensPerParam ratio = new Transform.TokensPerParam();
            if (!lacks(missing, Transform.TokensPerParam.COLUMN, data)) {
                throw missing;
            }
            List<String> instead = new ArrayList<>(wanted);
            instead.remove(Transform.TokensPerParam.COLUMN);
            instead.addAll(0, List.of("params", "tokens"));
            try {
                read = read(source, request(law, weights, instead, extraColumns), standardInput);
            } catch (InputException without) {
                throw without.line().isEmpty() && without.column().isPresent() ? missing : without;
            }
            table = ratio.derive(read.table());
            transforms.add(ratio.label());
        }
        if (law.columns().contains(Transform.TokensPerParam.COLUMN)) {
            Transform.TokensPerParam.requireConsistent(table, read.columns());
        }
        table = FitInputs.withTextKeys(table, read, extraColumns);
        String fitted = read.columns().fileColumn("loss");
        for (int j = 0; j < law.columns().size(); j++) {
            if (read.columns().fileColumn(law.columns().get(j)).equals(fitted)) {
                throw new ExpressionException("input '" + law.expression().inputs().get(j) + "' reads '" + fitted
                        + "', the column the law is fitted to (the loss); an input must be another column (map it "
                        + "with --input " + law.expression().inputs().get(j) + "=COLUMN, or the loss with --column "
                        + "loss=COLUMN)", law.expression().text(), law.expression().inputOffset(j));
            }
        }
        double[][] values = new double[law.columns().size()][];
        for (int j = 0; j < values.length; j++) {
            values[j] = table.column(law.columns().get(j));
        }
        LawPoints points = LawPoints.of(data.data(), law.columns(), values, table.column("loss"));
        if (weights != null) {
            if (!table.hasColumn(weights)) {
                throw new IllegalArgumentException("weight column '" + weights + "' is not in " + data.data());
            }
            points = points.withWeights(weightsOf(table, weights, read.columns().fileColumn(weights)));
        }
        String dataId = localData.equals(data.data()) ? table.source() : data.data();
        FitProvenance provenance = new FitProvenance(dataId, table.contentHash(), transforms,
                ScalefitVersion.current(), read.columns().fileColumns());
        RepeatedTokens repetition = null;
        if (cautionsRepetition(law)) {
            double[] weighted = points.weights();
            repetition = RepeatedData.at(read, java.util.stream.IntStream.range(0, points.size())
                    .filter(i -> weighted == null || weighted[i] > 0).toArray());
        }
        return new PreparedExpressionFit(law, weights, points, table, read.columns(), provenance, options, limits,
                bootstrap, seed, repetition);
    }

    /**
     * The columns {@code wanted} (each once): every value positive, but for the loss on the raw residual scale,
     * where no logarithm is taken of it and any finite value is one the law may be fitted to (an exact 0 error).
     */
    /** The runs of {@code source}; standard input's content from {@code standardInput}, a copy of it, if not null. */
    private static TableReader.Read read(DataSource source, ColumnRequest request, Path standardInput) {
        if (standardInput == null) {
            return source.readWithColumns(request);
        }
        try (InputStream in = Files.newInputStream(standardInput)) {
            return source.readWithColumns(request, new TableReader(), in);
        } catch (IOException e) {
            throw new InputException(DataSource.STDIN, null, null, "a readable stream", "an I/O error: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Standard input copied to a temporary file, read once: the runs may be read twice (again without the column
     * M when it is to be derived from params and tokens), and standard input can be read only once.
     */
    private static Path copyOfStandardInput() {
        try {
            Path copy = Files.createTempFile("scalefit-stdin-", ".data");
            Files.copy(System.in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new InputException(DataSource.STDIN, null, null, "a readable stream", "an I/O error: "
                    + e.getMessage(), e);
        }
    }

    /**
     * The columns to read: the loss, the law's inputs, the weight column (whose values need only be finite: a weight
     * of 0 leaves its point out, and a negative one is refused by {@link #weightsOf}) and the extra ones.
     */
    private static ColumnRequest request(ExpressionLaw law, String weights, List<String> wanted,
                                         List<String> extraColumns) {
        ColumnRequest request = ColumnRequest.of(wanted.stream().distinct().toArray(String[]::new));
        List<String> extras = new ArrayList<>(extraColumns);
        if (law.columns().contains(Transform.TokensPerParam.COLUMN)) {
            extras.addAll(List.of("params", "tokens"));   // to check M against D/N (Transform.TokensPerParam)
        }
        String[] optional = extras.stream().filter(name -> !wanted.contains(name)).distinct()
                .toArray(String[]::new);
        if (optional.length > 0) {
            request = request.withOptional(optional);
        }
        request = weights == null ? request : request.withFiniteValues(weights);
        request = cautionsRepetition(law) ? RepeatedData.reading(request) : request;
        return law.residual() == Residual.RAW ? request.withFiniteValues("loss") : request;
    }

    /**
     * Whether the fit cautions when its points repeat their data: the law reads tokens, each counted as a fresh one,
     * and neither the unique tokens nor the epochs, with which it would model repetition itself.
     */
    private static boolean cautionsRepetition(ExpressionLaw law) {
        return law.columns().contains("tokens") && !RepeatedData.modelledBy(law.columns());
    }

    /** The caution of {@link #repetition()}, if some point fitted repeats its data. */
    public java.util.Optional<String> caution() {
        return repetition == null ? java.util.Optional.empty() : repetition.caution();
    }

    /**
     * The weight column's values, each ≥ 0: a weight of 0 leaves its point out of the fit (it adds nothing to
     * F = Σ w_i·ρ(r_i), and the fit counts only points of positive weight), a negative one is refused at its line,
     * and so is a column of zeros (nothing left to fit).
     */
    private static double[] weightsOf(RunTable table, String weights, String inFile) {
        double[] values = table.column(weights);
        for (int i = 0; i < values.length; i++) {
            if (!(values[i] >= 0)) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), inFile,
                        "a weight ≥ 0 (0 leaves the point out)", "\"" + values[i] + "\"");
            }
        }
        if (values.length > 0 && java.util.Arrays.stream(values).noneMatch(w -> w > 0)) {
            throw new InputException(table.source(), null, inFile, "a weight > 0 at some row (0 leaves a point out)",
                    "0 at every row");
        }
        return values;
    }

    /**
     * Whether {@code e} says the data has no column for {@code logical}, which the user did not map to a column of
     * another name (so that it may be derived).
     */
    private static boolean lacks(InputException e, String logical, DataSource data) {
        String inFile = data.mapping().fileColumn(logical);
        return e.line().isEmpty() && inFile.equals(logical) && e.column().equals(java.util.Optional.of(inFile));
    }

    /** The fit to run: the law on the points under the options. */
    public ExpressionFitRequest request() {
        return new ExpressionFitRequest(law, points, options);
    }

    /** The table as the store records it (source, SHA-256, rows, column mapping). */
    public StoredRunTable runTable() {
        return StoredRunTable.of(table, columns);
    }

    /**
     * The store key of this fit: everything that shapes the result document outside its timing fields — the data
     * as named, as read (column mapping, row condition) and as fitted (the SHA-256 of the points, weights included);
     * the law file (expression, inputs, every parameter's scale, bounds, fixed value, tie and starts, residual,
     * objective and its δ or κ), the weight column, the engine's options and revision, the revision of the fit's
     * warnings, the revision of the repeated-data caution when the points repeat their data, the physical limits, and the bootstrap's replicates and seed when there is a bootstrap — and nothing
     * else: not the thread count, which changes no result.
     */
    public CacheKey cacheKey() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("data", provenance.data());
        key.put("columns", runTable().columns());
        key.put("transforms", provenance.transforms());
        key.put("points_sha256", ObservationsDigest.sha256(points));
        key.put("law_file", LawFileDocument.of(law).compactJson());
        if (weights != null) {
            key.put("weights", weights);
        }
        key.put("polish", options.polish());
        key.put("recognition", options.recognition());
        key.put("screening", options.settings().toString());
        key.put("completion", options.completion().toString());
        key.put("leaders", options.leaders());
        key.put("polish_evaluations", options.polishEvaluations());
        key.put("engine", MultiStartFitter.REVISION);
        key.put("diagnostics", ExpressionFitRequest.DIAGNOSTICS_REVISION);
        if (caution().isPresent()) {
            key.put("repeated_data", RepeatedTokens.REVISION);
        }
        key.put("max_params", limits.maxParams());
        key.put("max_tokens", limits.maxTokens());
        if (bootstrap != null) {
            key.put("bootstrap", bootstrap);
            key.put("seed", seed);
            key.put("bootstrap_revision", ExpressionBootstrap.REVISION);
        }
        return CacheKey.of(ANALYSIS, provenance.dataSha256(), key, provenance.version());
    }

    /**
     * The result document of {@code fit} (and its bootstrap {@code replicates}, null if none) on these points, with
     * the repeated-data caution among its warnings when there is one; its data range is that of the points of
     * positive weight, the ones fitted.
     */
    public ExpressionFitDocument document(ExpressionFit fit, ExpressionBootstrapResult replicates, RunTiming run) {
        LawPoints fitted = points.weighted();
        double[][] inputs = law.columns().stream().map(fitted::column).toArray(double[][]::new);
        return ExpressionFitDocument.of(caution().map(fit::withCaution).orElse(fit), replicates, provenance, limits,
                org.scalefit.data.InputRange.ofColumns(law.columns(), inputs), run);
    }
}
