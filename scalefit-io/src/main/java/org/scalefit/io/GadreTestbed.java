package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.scalefit.overtraining.ModelRun;
import org.scalefit.overtraining.RunSplit;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gadre et al. 2024's over-training testbed ({@code mlfoundations/scaling}, {@code exp_data/}): 104 language models
 * trained on C4 ({@code c4_original}), RedPajama ({@code rpj}) and RefinedWeb ({@code rw_original}), each with a
 * model file {@code models/<stem>.json} and an evaluation file {@code evals/evaluation_<stem>_heavy.json}.
 *
 * <p>{@link #read(String, String)} parses them as the code's {@code shared.parse_model_json} does:
 * <ul>
 *   <li>N = {@code hyperparameters.params} (embeddings included), D = {@code hyperparameters.tokens},
 *       M = 20 × {@code hyperparameters.chinchilla_multiplier} (a number, integral or not), the model name the base
 *       name of {@code hyperparameters.model} without extension; a D more than {@value #SAME_TOKENS} (relative) from
 *       20 × multiplier × N is refused, since M would then not be D/N;</li>
 *   <li>the loss on evaluation set s is {@code results[i].loss} of the result whose {@code val_data[0]} has s as its
 *       second-to-last path component, or, when that component contains {@code de-en}, as its file stem;</li>
 *   <li>errors: 1 − accuracy for each of the 46 {@link #TASKS} in {@code eval_metrics.icl}, their unweighted mean
 *       {@code avg} (summed in file order) and the mean over the 17 {@link #SUBSET} tasks, {@code avg_subset}; other
 *       keys are ignored.</li>
 * </ul>
 * The bundled copy ({@code gadre}) is the repository's files unchanged; a directory laid out like {@code exp_data}
 * (with {@code models/} and {@code evals/}) can be read instead. A file that cannot be used stops the read with an
 * {@link InputException} naming the file and the field.
 *
 * <p>{@link #defaultSplit(String)} is the paper's default choice of fit points (Table 2; {@code shared.fit_ds}).
 *
 * @param source      {@code gadre} or the directory read
 * @param contentHash SHA-256 of all files read, in order, lower-case hex
 * @param lossSet     the evaluation set whose loss the runs carry, e.g. {@code c4_val}
 * @param runs        all runs, ordered by dataset, then compute, then name
 */
public record GadreTestbed(String source, String contentHash, String lossSet, List<ModelRun> runs) {

    /** The id of the bundled copy. */
    public static final String BUNDLED = "gadre";
    /** The key of the 46-task average error. */
    public static final String AVERAGE_46 = "avg";
    /** The key of the 17-task average error. */
    public static final String AVERAGE_17 = "avg_subset";
    /** The evaluation set the paper's laws use: C4 validation. */
    public static final String DEFAULT_LOSS_SET = "c4_val";

    /** The 46 downstream tasks of the "heavy" suite ({@code scaling/constants.py}, {@code FRIENDLY_CITATIONS}). */
    public static final List<String> TASKS = List.of("agi_eval_lsat_ar", "agi_eval_lsat_rc", "agi_eval_lsat_lr",
            "agi_eval_sat_en", "arc_easy", "arc_challenge", "bbq", "bigbench_conceptual_combinations",
            "bigbench_conlang_translation", "bigbench_cs_algorithms", "bigbench_dyck_languages",
            "bigbench_elementary_math_qa", "bigbench_misconceptions", "bigbench_language_identification",
            "bigbench_logical_deduction", "bigbench_novel_concepts", "bigbench_operators",
            "bigbench_repeat_copy_logic", "bigbench_qa_wikidata", "bigbench_strange_stories", "bigbench_strategy_qa",
            "bigbench_understanding_fables", "boolq", "commonsense_qa", "copa", "coqa",
            "enterprise_pii_classification", "hellaswag", "hellaswag_zeroshot", "jeopardy", "lambada_openai",
            "logi_qa", "math_qa", "mmlu", "mmlu_zeroshot", "openbook_qa", "piqa", "pubmed_qa_labeled",
            "simple_arithmetic_nospaces", "simple_arithmetic_withspaces", "siqa", "squad", "winogender_mc_female",
            "winogender_mc_male", "winograd", "winogrande");

    /** The 17-task subset ({@code scaling/constants.py}, {@code SUBSET}). */
    public static final List<String> SUBSET = List.of("bigbench_operators", "pubmed_qa_labeled",
            "hellaswag_zeroshot", "boolq", "arc_easy", "coqa", "bigbench_dyck_languages", "lambada_openai",
            "bigbench_novel_concepts", "winograd", "bigbench_cs_algorithms", "commonsense_qa", "bigbench_qa_wikidata",
            "hellaswag", "copa", "squad", "piqa");

    /**
     * The four small models the laws are fitted on ({@code shared.fit_ds}, {@code fit_models}), smallest first:
     * 11M, 79M, 154M and 411M parameters.
     */
    public static final List<String> FIT_MODELS = List.of("d=96_l=8_h=4", "d=512_l=8_h=4", "d=576_l=24_h=8",
            "d=1024_l=24_h=8");
    /** The compute-optimal model added to the downstream fit ({@code fit_ds(..., add_1b=True)}): 1.4B. */
    public static final String DOWNSTREAM_MODEL = "open_lm_1b";

    /**
     * How far (relative) a run's token count may lie from 20 × multiplier × params: a budget rounded to whole optimiser
     * steps lies well within it, while the multipliers of a grid (a factor of 2 apart in the paper's) lie far outside.
     */
    static final double SAME_TOKENS = 0.01;

    private static final String FOLDER = "datasets/gadre/";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    public GadreTestbed {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(lossSet, "lossSet");
        runs = List.copyOf(runs);
    }

    /**
     * Reads every run of the testbed.
     *
     * @param data    {@value #BUNDLED} for the bundled copy, or a directory holding {@code models/} and {@code evals/}
     * @param lossSet the evaluation set whose loss to read, e.g. {@value #DEFAULT_LOSS_SET}
     * @throws InputException           if a file is missing, is not JSON, or lacks or has a bad field
     * @throws IllegalArgumentException if {@code data} is neither {@value #BUNDLED} nor a directory
     */
    public static GadreTestbed read(String data, String lossSet) {
        Objects.requireNonNull(lossSet, "lossSet");
        Source files = data.equals(BUNDLED) ? new Bundled() : new Directory(Path.of(data));
        MessageDigest digest = sha256();
        List<ModelRun> runs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String model : files.modelFiles()) {
            String stem = model.substring(0, model.length() - ".json".length());
            String modelPath = "models/" + model;
            String evalPath = "evals/evaluation_" + stem + "_heavy.json";
            byte[] modelBytes = files.read(modelPath);
            byte[] evalBytes = files.read(evalPath);
            digest.update(modelBytes);
            digest.update(evalBytes);
            ModelRun run = parse(files.label(modelPath), modelBytes, files.label(evalPath), evalBytes, lossSet);
            if (!names.add(run.name())) {
                throw InputException.field(files.label(modelPath), null, "name", "a name no other model file has",
                        quote(run.name()));
            }
            runs.add(run);
        }
        if (runs.isEmpty()) {
            throw new InputException(files.label("models"), null, null, "at least one model file", "none");
        }
        runs.sort(Comparator.comparing(ModelRun::dataset).thenComparingDouble(ModelRun::compute)
                .thenComparing(ModelRun::name));
        return new GadreTestbed(data, HexFormat.of().formatHex(digest.digest()), lossSet, runs);
    }

    /** The training datasets present, in order. */
    public List<String> datasets() {
        return List.copyOf(new TreeSet<>(runs.stream().map(ModelRun::dataset).toList()));
    }

    /**
     * The runs trained on {@code dataset}, ordered by compute.
     *
     * @throws IllegalArgumentException if there are none; the message lists the datasets
     */
    public List<ModelRun> runs(String dataset) {
        List<ModelRun> selected = runs.stream().filter(run -> run.dataset().equals(dataset)).toList();
        if (selected.isEmpty()) {
            throw new IllegalArgumentException("no runs trained on '" + dataset + "' in " + source
                    + "; the datasets are " + datasets());
        }
        return selected;
    }

    /**
     * The paper's default fit points and targets for one training dataset ({@code shared.fit_ds}, Table 2):
     * <ul>
     *   <li>loss-law fit: the four {@link #FIT_MODELS} at M = 20 (Chinchilla multiplier 1), and the smallest of them
     *       at M = 320 (multiplier 16): 5 runs;</li>
     *   <li>downstream-law fit: those 5 and the {@value #DOWNSTREAM_MODEL} run at M = 20: 6 runs;</li>
     *   <li>targets: every run of a larger model (1.4B and 6.9B), by compute — the over-trained 1.4B run and the
     *       6.9B run are held out of both fits; the 1.4B run at M = 20 is in the downstream fit only.</li>
     * </ul>
     *
     * @throws IllegalArgumentException if there are no runs for {@code dataset}
     * @throws InputException           if the runs the paper fits on are not all there, or not unique
     */
    public RunSplit defaultSplit(String dataset) {
        RunSplit loss = lossLawSplit(dataset);
        List<ModelRun> downstreamFit = new ArrayList<>(loss.lossFit());
        downstreamFit.add(single(runs(dataset), dataset, DOWNSTREAM_MODEL, 20));
        return new RunSplit(loss.lossFit(), downstreamFit, loss.targets());
    }

    /**
     * The {@link #defaultSplit} for the loss law alone: the same loss-law fit and targets, no downstream-law fit
     * (so the {@value #DOWNSTREAM_MODEL} run at M = 20 need not be there).
     *
     * @throws IllegalArgumentException if there are no runs for {@code dataset}
     * @throws InputException           if the runs the paper fits the loss law on are not all there, or not unique
     */
    public RunSplit lossLawSplit(String dataset) {
        List<ModelRun> all = runs(dataset);
        List<ModelRun> lossFit = new ArrayList<>();
        for (String model : FIT_MODELS) {
            lossFit.add(single(all, dataset, model, 20));
        }
        lossFit.add(single(all, dataset, FIT_MODELS.get(0), 320));
        List<ModelRun> targets = all.stream().filter(run -> !FIT_MODELS.contains(run.model())).toList();
        return new RunSplit(lossFit, List.of(), targets);
    }

    private ModelRun single(List<ModelRun> runs, String dataset, String model, double tokensPerParam) {
        List<ModelRun> matches = runs.stream()
                .filter(run -> run.model().equals(model) && run.tokensPerParam() == tokensPerParam).toList();
        if (matches.size() != 1) {
            throw new InputException(source, null, null, "one " + dataset + " run of model " + model + " at M = "
                    + tokensPerParam + " (a default fit point of Gadre et al.)", matches.size() + " such runs"
                    + (matches.isEmpty() ? "" : ": " + String.join(", ", matches.stream().map(ModelRun::name)
                    .toList())));
        }
        return matches.get(0);
    }

    // ---------------------------------------------------------------- parsing

    private static ModelRun parse(String modelFile, byte[] modelBytes, String evalFile, byte[] evalBytes,
                                  String lossSet) {
        JsonNode model = json(modelFile, modelBytes);
        String name = string(modelFile, model, "name");
        String dataset = string(modelFile, model, "dataset_name");
        JsonNode hyper = object(modelFile, model, "hyperparameters");
        String modelPath = string(modelFile, hyper, "hyperparameters.model", "model");
        String baseName = modelPath.substring(modelPath.lastIndexOf('/') + 1);
        String modelName = baseName.contains(".") ? baseName.substring(0, baseName.indexOf('.')) : baseName;
        double params = positive(modelFile, hyper, "hyperparameters.params", "params");
        double tokens = positive(modelFile, hyper, "hyperparameters.tokens", "tokens");
        double multiplier = positive(modelFile, hyper, "hyperparameters.chinchilla_multiplier",
                "chinchilla_multiplier");
        double budget = 20 * multiplier * params;
        if (!(Math.abs(tokens - budget) <= SAME_TOKENS * budget)) {
            throw InputException.field(modelFile, null, "hyperparameters.tokens", String.format(Locale.ROOT,
                    "20 · chinchilla_multiplier · params = %.6g (within %.0f %%; M is read from the multiplier)",
                    budget, 100 * SAME_TOKENS), describe(hyper.get("tokens")));
        }
        double loss = loss(modelFile, model, lossSet);
        Map<String, Double> errors = errors(evalFile, json(evalFile, evalBytes));
        return new ModelRun(name, dataset, modelName, params, tokens, 20 * multiplier, loss, errors);
    }

    /** {@code results[i].loss} of the evaluation on {@code lossSet}. */
    private static double loss(String file, JsonNode model, String lossSet) {
        JsonNode results = model.get("results");
        if (results == null || !results.isArray()) {
            throw InputException.field(file, null, "results", "a list of evaluations", describe(results));
        }
        List<String> sets = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JsonNode result = results.get(i);
            String field = "results[" + i + "]";
            JsonNode valData = result.get("val_data");
            if (valData == null || !valData.isArray() || valData.isEmpty() || !valData.get(0).isString()) {
                throw InputException.field(file, null, field + ".val_data", "a list holding the evaluation data path",
                        describe(valData));
            }
            String set = evaluationSet(valData.get(0).stringValue());
            sets.add(set);
            if (set.equals(lossSet)) {
                return positive(file, result, field + ".loss", "loss");
            }
        }
        throw InputException.field(file, null, "results", "an evaluation on '" + lossSet + "'",
                "evaluations on " + sets);
    }

    /**
     * The column suffix of an evaluation ({@code parse_model_json}): the path's second-to-last component, or its
     * file stem when that component contains {@code de-en}.
     */
    static String evaluationSet(String path) {
        String[] parts = path.split("/", -1);
        String suffix = parts.length >= 2 ? parts[parts.length - 2] : "";
        if (suffix.contains("de-en")) {
            String last = parts[parts.length - 1];
            suffix = last.contains(".") ? last.substring(0, last.indexOf('.')) : last;
        }
        return suffix;
    }

    /** avg, avg_subset, then err_task = 1 − accuracy for each of the 46 tasks, in file order. */
    private static Map<String, Double> errors(String file, JsonNode eval) {
        JsonNode metrics = object(file, eval, "eval_metrics");
        JsonNode icl = object(file, metrics, "eval_metrics.icl", "icl");
        Map<String, Double> tasks = new LinkedHashMap<>();
        double sum = 0;
        double subsetSum = 0;
        int count = 0;
        int subsetCount = 0;
        for (Map.Entry<String, JsonNode> entry : icl.properties()) {
            String task = entry.getKey();
            if (!TASKS.contains(task)) {
                continue;
            }
            JsonNode value = entry.getValue();
            if (!value.isNumber() || !(value.doubleValue() >= 0 && value.doubleValue() <= 1)) {
                throw InputException.field(file, null, "eval_metrics.icl." + task, "an accuracy between 0 and 1",
                        describe(value));
            }
            double error = 1.0 - value.doubleValue();
            sum += error;
            count++;
            if (SUBSET.contains(task)) {
                subsetSum += error;
                subsetCount++;
            }
            tasks.put(task, error);
        }
        if (count != TASKS.size()) {
            List<String> missing = TASKS.stream().filter(task -> !tasks.containsKey(task)).toList();
            throw InputException.field(file, null, "eval_metrics.icl", "accuracies on all " + TASKS.size() + " tasks",
                    "none for " + missing);
        }
        Map<String, Double> errors = new LinkedHashMap<>();
        errors.put(AVERAGE_46, sum / count);
        errors.put(AVERAGE_17, subsetSum / subsetCount);
        errors.putAll(tasks);
        return errors;
    }

    private static JsonNode json(String file, byte[] bytes) {
        try {
            JsonNode root = MAPPER.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new InputException(file, null, null, "a JSON object", describe(root));
            }
            return root;
        } catch (JacksonException e) {
            Integer line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? null
                    : e.getLocation().getLineNr();
            throw new InputException(file, line, null, "valid JSON", JsonErrors.found(e), e);
        }
    }

    private static JsonNode object(String file, JsonNode parent, String field) {
        return object(file, parent, field, field);
    }

    private static JsonNode object(String file, JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            throw InputException.field(file, null, path, "an object", describe(node));
        }
        return node;
    }

    private static String string(String file, JsonNode parent, String field) {
        return string(file, parent, field, field);
    }

    private static String string(String file, JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isString() || node.stringValue().isEmpty()) {
            throw InputException.field(file, null, path, "a non-empty string", describe(node));
        }
        return node.stringValue();
    }

    private static double positive(String file, JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber() || !(node.doubleValue() > 0) || !Double.isFinite(node.doubleValue())) {
            throw InputException.field(file, null, path, "a positive finite number", describe(node));
        }
        return node.doubleValue();
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing (the field is missing)";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    // ---------------------------------------------------------------- where the files are

    /** The model and evaluation files of a testbed, wherever they are stored. */
    private interface Source {

        /** The model files' names ({@code <stem>.json}), in order. */
        List<String> modelFiles();

        /** The bytes of {@code models/…} or {@code evals/…}. */
        byte[] read(String relative);

        /** How messages name a file. */
        String label(String relative);
    }

    /** The copy bundled under {@code org/scalefit/io/datasets/gadre/}, listed in {@code models.txt}. */
    private static final class Bundled implements Source {

        @Override
        public List<String> modelFiles() {
            String listing = new String(read("models.txt"), StandardCharsets.UTF_8);
            return listing.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }

        @Override
        public byte[] read(String relative) {
            try (InputStream in = GadreTestbed.class.getResourceAsStream(FOLDER + relative)) {
                if (in == null) {
                    throw new IllegalStateException("the bundled file " + FOLDER + relative
                            + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the bundled file " + FOLDER + relative, e);
            }
        }

        @Override
        public String label(String relative) {
            return BUNDLED + ":" + relative;
        }
    }

    /** A directory laid out like {@code exp_data}: {@code models/*.json} and {@code evals/}. */
    private static final class Directory implements Source {

        private final Path root;

        Directory(Path root) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("'" + root + "' is neither " + BUNDLED + " (the bundled testbed) "
                        + "nor a directory");
            }
            this.root = root;
        }

        @Override
        public List<String> modelFiles() {
            Path models = root.resolve("models");
            if (!Files.isDirectory(models)) {
                throw new InputException(models.toString(), null, null, "a directory of model files",
                        "no such directory");
            }
            try (Stream<Path> files = Files.list(models)) {
                return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".json"))
                        .sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + models, e);
            }
        }

        @Override
        public byte[] read(String relative) {
            Path file = root.resolve(relative);
            try {
                return Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new InputException(file.toString(), null, null, relative.startsWith("evals/")
                        ? "the evaluation file of a model" : "a readable file", "no such file");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        public String label(String relative) {
            return root.resolve(relative).toString();
        }
    }
}
