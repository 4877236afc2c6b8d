package org.scalefit.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.scalefit.law.expr.ExpressionBootstrapResult;
import org.scalefit.law.expr.ExpressionLaw;
import org.scalefit.law.expr.LawExpression;
import org.scalefit.law.expr.NamedLaws;
import org.scalefit.law.expr.ParameterSpec;
import org.scalefit.law.expr.Penalty;
import org.scalefit.law.expr.Residual;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Law files (JSON, or YAML when the file name ends in {@code .yaml}/{@code .yml}: the same fields) and
 * expression-fit results as JSON.
 *
 * <p>A law file says everything about a user-written law:
 * <pre>
 * {
 *   "name": "chinchilla-natural",
 *   "expression": "E + A/N^alpha + B/D^beta",
 *   "inputs": {"N": "params", "D": "tokens"},          input → data column (default: the column of its name,
 *                                                        or N → params, D → tokens, U → unique_tokens, C → FLOPs)
 *   "parameters": {                                     in θ order; names not listed are free, linear, default starts
 *     "E": {"scale": "log", "starts": [0.5, 1, 2]},
 *     "A": {"scale": "log", "starts": {"from": 1, "to": 1e10, "count": 6}},   (geometric on the log scale)
 *     "alpha": {"bounds": [0, 1], "starts": [0.1, 0.3, 0.6]},
 *     "beta": {"tied_to": "alpha"},
 *     "B": {"fixed": 410.7}
 *   },
 *   "residual": "log" | "raw",  "objective": "huber" | "squared" | "over-estimate",  "delta": 1e-3,
 *   "kappa": 10,                                        over-estimate only: weight of over-estimates, ≥ 1
 *   "weights": "column"                                 optional: a column of per-point weights
 * }
 * </pre>
 * A fit result ({@link ExpressionFitDocument}) holds the law file of the law it fitted under {@code "law_file"}, and the
 * fitted {@code "parameters"}, so that it can be read back for predictions ({@link #fittedLaw}).
 */
public final class ExpressionLawFiles {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final YAMLMapper YAML_MAPPER = YAMLMapper.builder().build();
    /** The input names that read a column of another name unless a law file says otherwise. */
    public static final Map<String, String> DEFAULT_COLUMNS = Map.of("N", "params", "D", "tokens",
            "U", "unique_tokens", "C", "FLOPs", "M", "tokens_per_param");
    /** The logical column names that are inputs when a law uses them. */
    public static final List<String> KNOWN_COLUMNS = List.of("params", "tokens", "unique_tokens", "FLOPs", "width",
            "depth", "tokens_per_param", "epochs");

    private ExpressionLawFiles() {
    }

    /** Whether a name in a law's text is an input unless declared a parameter: N, D, U, C, M or a known column. */
    public static boolean readsAColumnByConvention(String name) {
        return DEFAULT_COLUMNS.containsKey(name) || KNOWN_COLUMNS.contains(name);
    }

    /** A law file and the weight column it names (null if none). */
    public record LawFile(ExpressionLaw law, String weights) {
    }

    /** Reads a law file. */
    public static LawFile read(Path file) {
        String source = file.toString();
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml");
        String format = yaml ? "a YAML law file" : "a JSON law file";
        if (!Files.isRegularFile(file)) {
            throw new InputException(source, null, null, format, "no such file");
        }
        return fromJson(source, LawDocumentFiles.readTree(file, yaml ? YAML_MAPPER : MAPPER, !yaml,
                format + " (expression, inputs, parameters)"));
    }

    /**
     * The law of an already parsed law file.
     *
     * @throws InputException      if a field has the wrong type or value
     * @throws org.scalefit.law.expr.ExpressionException if the expression is bad (with its column)
     */
    public static LawFile fromJson(String source, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new InputException(source, null, null, "a JSON object", String.valueOf(root));
        }
        requireKnownFields(source, "", root, FIELDS);
        JsonNode expression = root.get("expression");
        if (expression == null || !expression.isString()) {
            throw InputException.field(source, null, "expression", "the law as a string", String.valueOf(expression));
        }
        Map<String, String> inputs = new LinkedHashMap<>();
        JsonNode inputNode = root.get("inputs");
        if (inputNode != null) {
            if (!inputNode.isObject()) {
                throw InputException.field(source, null, "inputs", "an object of input: column",
                        inputNode.toString());
            }
            for (var entry : inputNode.properties()) {
                inputs.put(entry.getKey(), entry.getValue().asString());
            }
        }
        List<String> declared = new ArrayList<>();
        JsonNode parameters = root.get("parameters");
        if (parameters != null && !parameters.isObject()) {
            throw InputException.field(source, null, "parameters", "an object of name: control", parameters.toString());
        }
        if (parameters != null) {
            parameters.propertyNames().forEach(declared::add);
        }
        List<String> free = LawExpression.freeNames(expression.asString());
        for (String parameter : declared) {
            if (!free.contains(parameter)) {
                throw InputException.field(source, null, "parameters." + parameter, "a parameter of the expression",
                        "a name the expression does not use");
            }
        }
        String name = root.has("name") ? root.get("name").asString() : "user";
        ExpressionLaw law = infer(name, expression.asString(), inputs, declared);
        if (parameters != null) {
            for (var entry : parameters.properties()) {
                if (!law.parameterNames().contains(entry.getKey())) {
                    throw InputException.field(source, null, "parameters." + entry.getKey(),
                            "a parameter of the expression", "a name the expression "
                            + (law.expression().inputs().contains(entry.getKey()) ? "reads as an input" : "does not use"));
                }
                law = law.withParameter(control(source, entry.getKey(), entry.getValue()));
            }
        }
        String residual = text(root, "residual", "log");
        law = switch (residual) {
            case "log" -> law.withResidual(Residual.LOG);
            case "raw" -> law.withResidual(Residual.RAW);
            default -> throw InputException.field(source, null, "residual", "log or raw", residual);
        };
        String objective = text(root, "objective", "huber");
        double delta = root.has("delta") ? root.get("delta").asDouble() : 1e-3;
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw InputException.field(source, null, "delta", "a positive finite Huber threshold (e.g. 1e-3)",
                    root.get("delta").toString());
        }
        if (root.has("delta") && objective.equals("squared")) {
            throw new IllegalArgumentException(source + ": delta: the Huber threshold applies to \"objective\": "
                    + "\"huber\" or \"over-estimate\", not to \"squared\"");
        }
        if (root.has("kappa") && !objective.equals("over-estimate")) {
            throw new IllegalArgumentException(source + ": kappa: the over-estimate weight applies to \"objective\": "
                    + "\"over-estimate\", not to \"" + objective + "\"");
        }
        law = switch (objective) {
            case "huber" -> law.withPenalty(Penalty.huber(delta));
            case "squared" -> law.withPenalty(Penalty.squared());
            case "over-estimate" -> law.withPenalty(overEstimate(source, delta, root.get("kappa")));
            default -> throw InputException.field(source, null, "objective", "huber, squared or over-estimate",
                    objective);
        };
        return new LawFile(law, root.has("weights") ? root.get("weights").asString() : null);
    }

    /**
     * Refuses law text that names an existing file (a path is never a law: {@code /} starts no expression), telling
     * the user the option that reads such a file instead.
     *
     * @param text       the text given as a law
     * @param fileOption how this command reads a file, e.g. {@code "--law-file FILE (a JSON or YAML law file)"}
     * @throws IllegalArgumentException if {@code text} is the path of an existing file
     */
    public static void requireNotAFile(String text, String fileOption) {
        boolean file;
        try {
            file = Files.isRegularFile(Path.of(text.strip()));
        } catch (java.nio.file.InvalidPathException e) {
            file = false;
        }
        if (file) {
            throw new IllegalArgumentException("--law " + text.strip() + " names a file, but --law takes a law: a "
                    + "name (" + String.join(", ", NamedLaws.names()) + ") or text such as 'E + A/N^alpha + "
                    + "B/D^beta'; read a file with " + fileOption);
        }
    }

    /**
     * The law of {@code text}: its free names are inputs when {@code inputs} maps them (in that map's order, so that
     * a law file read back keeps the inputs of the law it was written from), then, in order of first use, when they
     * are a default input name ({@link #DEFAULT_COLUMNS}) or a known column ({@link #KNOWN_COLUMNS}); all others are
     * parameters, in the order of {@code parameterOrder} and then of first use, free on the linear scale.
     */
    public static ExpressionLaw infer(String name, String text, Map<String, String> inputs,
                                      List<String> parameterOrder) {
        List<String> free = LawExpression.freeNames(text);
        List<String> inputNames = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> parameters = new ArrayList<>();
        for (String symbol : parameterOrder) {
            if (!free.contains(symbol)) {
                throw new org.scalefit.law.expr.ExpressionException("parameter '" + symbol
                        + "' is declared but never used in '" + text.strip() + "'", text, -1);
            }
            if (!inputs.containsKey(symbol)) {
                parameters.add(symbol);
            }
        }
        for (String symbol : inputs.keySet()) {
            if (free.contains(symbol)) {
                inputNames.add(symbol);
                columns.add(inputs.get(symbol));
            }
        }
        for (String symbol : free) {
            if (inputs.containsKey(symbol) || parameterOrder.contains(symbol)) {
                continue;
            } else if (readsAColumnByConvention(symbol)) {
                inputNames.add(symbol);
                columns.add(DEFAULT_COLUMNS.getOrDefault(symbol, symbol));
            } else {
                parameters.add(symbol);
            }
        }
        if (inputNames.isEmpty()) {
            throw new IllegalArgumentException("unknown law '" + text.strip() + "': not a named law ("
                    + String.join(", ", NamedLaws.names()) + ") and, read as an expression, it uses no input (N, D, "
                    + "U, C, M, a known column, or one given with --input NAME=COLUMN)");
        }
        for (String input : inputs.keySet()) {
            if (!free.contains(input)) {
                throw new IllegalArgumentException("input '" + input + "' is not used by the law '" + text + "'");
            }
        }
        ExpressionLaw law = ExpressionLaw.of(name, LawExpression.parse(text, inputNames, parameters));
        for (int j = 0; j < inputNames.size(); j++) {
            law = law.withColumn(inputNames.get(j), columns.get(j));
        }
        return law;
    }

    /**
     * The over-estimate penalty of a law file: {@code kappa} must be a number ≥ 1. A bad κ is a usage error (like a
     * bad expression), naming the file and the field.
     */
    private static Penalty overEstimate(String source, double delta, JsonNode kappa) {
        if (kappa == null || !kappa.isNumber()) {
            throw new IllegalArgumentException(source + ": kappa: \"objective\": \"over-estimate\" needs \"kappa\", "
                    + "the weight of over-estimates, a number ≥ 1 (kyo-takano/chinchilla's asymmetric loss uses 10), "
                    + "found " + (kappa == null ? "none" : kappa.toString()));
        }
        try {
            return Penalty.overEstimate(delta, kappa.asDouble());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": kappa: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode root, String field, String fallback) {
        return root.has(field) ? root.get(field).asString() : fallback;
    }

    /** The fields of a law file, and of one parameter's control in it. */
    private static final List<String> FIELDS = List.of("name", "expression", "inputs", "parameters", "residual",
            "objective", "delta", "kappa", "weights");
    private static final List<String> CONTROL_FIELDS = List.of("scale", "bounds", "fixed", "tied_to", "starts");

    /**
     * Refuses a field of {@code node} that is not among {@code known} (a misspelling would otherwise be dropped and
     * the law fitted without it).
     */
    private static void requireKnownFields(String source, String prefix, JsonNode node, List<String> known) {
        for (String field : node.propertyNames()) {
            if (!known.contains(field)) {
                throw InputException.field(source, null, prefix + field, "one of the fields " + String.join(", ",
                        known), "a field a law file does not have");
            }
        }
    }

    private static ParameterSpec control(String source, String name, JsonNode node) {
        String field = "parameters." + name;
        if (!node.isObject()) {
            throw InputException.field(source, null, field, "an object (scale, bounds, fixed, tied_to, starts)",
                    node.toString());
        }
        requireKnownFields(source, field + ".", node, CONTROL_FIELDS);
        if (node.has("tied_to") && node.size() > 1 || node.has("fixed") && node.has("starts")) {
            throw InputException.field(source, null, field, "tied_to alone (a tied parameter takes the scale, bounds "
                    + "and starts of the one it equals), or fixed without starts (a fixed parameter is not fitted)",
                    String.join(", ", node.propertyNames()));
        }
        try {
            if (node.has("tied_to")) {
                return ParameterSpec.free(name).tiedTo(node.get("tied_to").asString());
            }
            ParameterSpec spec = ParameterSpec.free(name);
            String scale = node.has("scale") ? node.get("scale").asString() : "linear";
            if (scale.equals("log")) {
                spec = spec.logScale();
            } else if (!scale.equals("linear")) {
                throw InputException.field(source, null, field + ".scale", "linear or log", scale);
            }
            if (node.has("bounds")) {
                JsonNode bounds = node.get("bounds");
                if (!bounds.isArray() || bounds.size() != 2) {
                    throw InputException.field(source, null, field + ".bounds", "[lower, upper] (null for none)",
                            bounds.toString());
                }
                double lower = bounds.get(0).isNull() ? (spec.scale() == ParameterSpec.Scale.LOG ? 0
                        : Double.NEGATIVE_INFINITY) : bounds.get(0).asDouble();
                double upper = bounds.get(1).isNull() ? Double.POSITIVE_INFINITY : bounds.get(1).asDouble();
                spec = spec.withBounds(lower, upper);
            }
            if (node.has("fixed")) {
                return spec.fixedAt(node.get("fixed").asDouble());
            }
            if (node.has("starts")) {
                spec = spec.withStarts(starts(source, field + ".starts", node.get("starts"), spec.scale()));
            }
            return spec;
        } catch (InputException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw InputException.field(source, null, field, "a valid parameter control", e.getMessage(), e);
        }
    }

    /** An array of values, or {"from", "to", "count"}: evenly spaced (geometrically on the log scale). */
    private static double[] starts(String source, String field, JsonNode node, ParameterSpec.Scale scale) {
        if (node.isArray()) {
            double[] values = new double[node.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = node.get(i).asDouble();
            }
            return values;
        }
        if (node.isObject() && node.has("from") && node.has("to") && node.has("count")) {
            double from = node.get("from").asDouble();
            double to = node.get("to").asDouble();
            int count = node.get("count").asInt();
            if (count < 1) {
                throw InputException.field(source, null, field + ".count", "at least 1", Integer.toString(count));
            }
            double[] values = new double[count];
            boolean log = scale == ParameterSpec.Scale.LOG;
            for (int i = 0; i < count; i++) {
                double t = count == 1 ? 0 : (double) i / (count - 1);
                values[i] = log ? Math.exp(Math.log(from) + t * (Math.log(to) - Math.log(from)))
                        : from + t * (to - from);
            }
            return values;
        }
        throw InputException.field(source, null, field, "an array of values or {\"from\", \"to\", \"count\"}",
                node.toString());
    }

    /**
     * What {@code scalefit fit} prints of an expression-fit document ({@link ExpressionFitDocument#summary}), so
     * that a result served from the results store prints as it did when it was computed.
     *
     * @param law              the law fitted, with its controls
     * @param points           how many points were fitted
     * @param distinctPoints   how many of them are distinct input tuples (null if the document does not say)
     * @param status           {@link org.scalefit.fit.LawFit.Status#label()}
     * @param objective        F at the optimum (NaN if there is none)
     * @param parameters       every parameter's value (empty if there is no optimum)
     * @param starts           starts of the search
     * @param successfulStarts starts that converged
     * @param recognisedStarts starts stopped early in a known basin
     * @param warnings         the fit's warnings
     * @param threads          threads the fit ran on (0 in documents written before they were recorded)
     * @param seconds          its wall time
     * @param bootstrap        the bootstrap's summary, if there was one
     */
    public record FitSummary(ExpressionLaw law, int points, Integer distinctPoints, String status, double objective,
                             Map<String, Double> parameters, int starts, int successfulStarts, int recognisedStarts,
                             List<String> warnings, int threads, double seconds,
                             java.util.Optional<BootstrapSummary> bootstrap) {

        public FitSummary {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            warnings = List.copyOf(warnings);
        }

        /** True if there is a best point to report (converged, reported as not stationary, or cut by the budget). */
        public boolean hasOptimum() {
            return status.equals(org.scalefit.fit.LawFit.Status.CONVERGED.label())
                    || status.equals(org.scalefit.fit.LawFit.Status.NOT_STATIONARY.label())
                    || status.equals(org.scalefit.fit.LawFit.Status.BUDGET_CUT.label());
        }
    }

    /**
     * The bootstrap of an expression fit as its document records it.
     *
     * @param replicates resamples drawn
     * @param seed       their seed
     * @param converged  refits that converged
     * @param intervals  each parameter's 95 % percentile interval over the converged refits, in the law's order
     * @param notIdentified the parameters whose interval is not an uncertainty: the data do not determine them
     */
    public record BootstrapSummary(int replicates, long seed, int converged, Map<String, double[]> intervals,
                                   List<String> notIdentified) {

        public BootstrapSummary {
            intervals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
            notIdentified = List.copyOf(notIdentified);
        }
    }

    /**
     * A law with values for all its parameters, as a fit file holds it; the warnings of the fit that produced them
     * (empty for values given by hand), which travel with it into predictions; and its bootstrap replicates, if the
     * fit was bootstrapped.
     */
    public record Fitted(ExpressionLaw law, double[] theta, List<String> warnings,
                         java.util.Optional<ExpressionBootstrapResult> bootstrap) {

        public Fitted {
            theta = theta.clone();
            warnings = List.copyOf(warnings);
        }

        /** Values with no warnings and no replicates (given by hand, or a published law). */
        public Fitted(ExpressionLaw law, double[] theta) {
            this(law, theta, List.of(), java.util.Optional.empty());
        }

        @Override
        public double[] theta() {
            return theta.clone();
        }
    }

    /** Whether a parsed document is an expression-fit result. */
    public static boolean isFitDocument(JsonNode root) {
        return root != null && root.isObject() && root.has("kind")
                && root.get("kind").asString().equals("expression-fit");
    }

    /** The named law ({@link NamedLaws}) with values for its parameters. */
    public static Fitted named(String name, Map<String, Double> values) {
        ExpressionLaw law = NamedLaws.named(name);
        return new Fitted(law, law.theta(values));
    }

    /**
     * The points of a points file, each holding the law's inputs in the law's order, and what was derived to have
     * them (as {@code scalefit fit} derives it from a run table: {@link Transform.TokensPerParam}).
     */
    public record Points(List<double[]> values, List<Transform> transforms) {

        public Points {
            values = values.stream().map(double[]::clone).toList();
            transforms = List.copyOf(transforms);
        }

        @Override
        public List<double[]> values() {
            return values.stream().map(double[]::clone).toList();
        }
    }

    /**
     * The points of a CSV file (a header row, then numbers; blank lines are skipped; delimiter, quotes and a
     * byte-order mark as in a run table, {@link TableReader}) at which to evaluate a law: for each point, the value
     * of each input, found in the column named after the input or, failing that, after the data column it reads. An input reading {@code tokens_per_param} (Gadre et al.'s M) that has neither column is
     * M = tokens/params when the file has a tokens column and the params of the law's input that reads them (or a
     * params column), as {@code scalefit fit} derives it ({@link Transform.TokensPerParam}, listed in the result);
     * one that has it beside tokens and params must hold their ratio, as a fitted table must
     * ({@link Transform.TokensPerParam#requireConsistent}).
     *
     * @throws InputException naming the file, line (counting blank lines, as an editor does) and column when a column
     *                        is missing or a value is not a positive finite number (the inputs of the data a law is
     *                        fitted on are)
     */
    public static Points readPoints(Path file, ExpressionLaw law) {
        return readPoints(file, law, Map.of());
    }

    /**
     * As {@link #readPoints(Path, ExpressionLaw)}, an input's values also found in the column of the data the law was
     * fitted on that held its logical column ({@code dataColumns}, logical → file column, as a fit's provenance
     * records them): points written with the names of the user's own runs. The file {@value DataSource#STDIN} is
     * standard input, read to its end, as a run table's is.
     */
    public static Points readPoints(Path file, ExpressionLaw law, Map<String, String> dataColumns) {
        String source = file.toString();
        List<String> lines;
        try {
            // decoded leniently, as DuckDB reads a run table: a byte that is not UTF-8 only matters in an input cell
            byte[] bytes = source.equals(DataSource.STDIN) ? System.in.readAllBytes() : Files.readAllBytes(file);
            lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new InputException(source, null, null, "a readable CSV file of points", "no such file", e);
        } catch (java.io.IOException e) {
            throw new InputException(source, null, null, "a readable CSV file of points", e.getMessage(), e);
        }
        List<Integer> filled = new ArrayList<>(); // indices of the non-blank lines; line numbers count blank ones
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                filled.add(i);
            }
        }
        if (filled.size() < 2) {
            throw new InputException(source, null, null, "a header row and points", filled.isEmpty()
                    ? "an empty file" : "a header and no point");
        }
        int headerLine = filled.get(0) + 1;
        char delimiter = RecordLines.csvDelimiter(lines.get(filled.get(0)));
        List<String> header = RecordLines.csvHeader(lines.get(filled.get(0)), delimiter).stream().map(String::strip)
                .toList();
        for (int c = 0; c < header.size(); c++) {
            if (!header.get(c).isEmpty() && header.indexOf(header.get(c)) < c) {
                throw new InputException(source, headerLine, header.get(c), "distinct column names in the header",
                        "'" + header.get(c) + "' twice");
            }
        }
        List<String> inputs = law.expression().inputs();
        int k = inputs.size();
        int[] column = new int[k];
        for (int j = 0; j < k; j++) {
            List<String> present = java.util.stream.Stream.of(inputs.get(j), law.columns().get(j),
                    dataColumns.get(law.columns().get(j))).filter(name -> name != null && header.contains(name))
                    .distinct().toList();
            if (present.size() > 1) {
                throw new InputException(source, headerLine, present.get(0), "one column for input "
                        + inputs.get(j), TableReader.countedNames(present) + " (remove or rename one)");
            }
            column[j] = present.isEmpty() ? -1 : header.indexOf(present.get(0));
        }
        int lawParams = law.columns().indexOf("params");
        int[] ratioOf = {columnOf(header, "tokens", dataColumns.get("tokens")), // the columns of tokens and params
                lawParams >= 0 && column[lawParams] >= 0 ? column[lawParams]     // M = tokens/params is read from
                        : columnOf(header, "params", dataColumns.get("params"))};
        int ratio = -1;
        for (int j = 0; j < k; j++) {
            if (column[j] >= 0) {
                continue;
            }
            String input = inputs.get(j);
            String columnName = law.columns().get(j);
            boolean derivable = columnName.equals(Transform.TokensPerParam.COLUMN);
            if (derivable) {
                derivable = ratioOf[0] >= 0 && ratioOf[1] >= 0;
            }
            if (!derivable) {
                String inData = dataColumns.get(columnName);
                throw new InputException(source, headerLine, input, "a column '" + input + "' or '" + columnName
                        + "'" + (inData == null || inData.equals(columnName) ? "" : " or '" + inData + "'")
                        + (columnName.equals(Transform.TokensPerParam.COLUMN) ? " (or 'params' and 'tokens', "
                        + "from which M = tokens/params)" : ""), "only " + header);
            }
            ratio = j;
        }
        int given = law.columns().indexOf(Transform.TokensPerParam.COLUMN);
        boolean checkGiven = given >= 0 && column[given] >= 0 && ratioOf[0] >= 0 && ratioOf[1] >= 0;
        List<double[]> points = new ArrayList<>();
        for (int p = 1; p < filled.size(); p++) {
            int line = filled.get(p) + 1;
            String[] cells = RecordLines.csvHeader(lines.get(line - 1), delimiter).toArray(String[]::new);
            double[] point = new double[k];
            for (int j = 0; j < k; j++) {
                point[j] = j == ratio ? positive(source, line, header, cells, ratioOf[0])
                        / positive(source, line, header, cells, ratioOf[1])
                        : positive(source, line, header, cells, column[j]);
            }
            if (checkGiven) {
                double tokens = positive(source, line, header, cells, ratioOf[0]);
                double params = positive(source, line, header, cells, ratioOf[1]);
                if (!Transform.TokensPerParam.consistent(point[given], tokens, params)) {
                    throw new InputException(source, line, header.get(column[given]), Transform.TokensPerParam
                            .expected(tokens, params, header.get(ratioOf[0]), header.get(ratioOf[1])),
                            String.format(java.util.Locale.ROOT, "%.6g", point[given]));
                }
            }
            points.add(point);
        }
        return new Points(points, ratio < 0 ? List.of() : List.of(new Transform.TokensPerParam()));
    }

    /** The index in {@code header} of the first of {@code names} it holds (null names skipped), or −1. */
    private static int columnOf(List<String> header, String... names) {
        for (String name : names) {
            if (name != null && header.contains(name)) {
                return header.indexOf(name);
            }
        }
        return -1;
    }

    /** The positive finite number in cell {@code column} of a points file's {@code line}. */
    private static double positive(String source, int line, List<String> header, String[] cells, int column) {
        String cell = column < cells.length ? cells[column].strip() : "";
        double value;
        try {
            value = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new InputException(source, line, header.get(column), "a number", cell.isEmpty() ? "an empty cell"
                    : "'" + cell + "'");
        }
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new InputException(source, line, header.get(column), "a positive finite number (a law is fitted "
                    + "on positive inputs)", "'" + cell + "'");
        }
        return value;
    }
}
