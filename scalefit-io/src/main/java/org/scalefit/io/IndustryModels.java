package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.scalefit.shapes.OvertrainedShape;
import org.scalefit.shapes.OvertrainingParabola;

/**
 * Released language models with their validation loss measured by Gemstones on its own validation set (McLeish et
 * al. 2025, {@code data/our_val_loss_data.json}): the reference
 * lines of the overtraining-parabola figure ({@code plotters/overtrained_single_parabola.py}). The file is a column dictionary
 * <pre>
 *   {"hf_name": [...], "loss": [...], "params": [...], "non_emb_params": [...], "width": [...], "depth": [...],
 *    "vocab_size": [...]}
 * </pre>
 * with one entry a model in every column. The bundled copy ({@value #BUNDLED}, 21 models) is the Gemstones file
 * unchanged; a file of the same form can be read instead. Losses are per token of each model's own tokenizer, so they
 * compare with a law's predictions only loosely (Gemstones draws them as horizontal lines for orientation).
 *
 * @param source the file read, or {@value #BUNDLED}
 * @param sha256 SHA-256 of the file's bytes, lower-case hex
 * @param models the models, in file order
 */
public record IndustryModels(String source, String sha256, List<IndustryModels.Model> models) {

    /** The id of the bundled Gemstones table. */
    public static final String BUNDLED = "gemstones:industry";

    private static final String RESOURCE = "datasets/gemstones/our_val_loss_data.json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /**
     * One released model.
     *
     * @param hfName       its Hugging Face name, e.g. {@code google/Gemma-7b}
     * @param loss         its validation loss on Gemstones' validation set
     * @param params       all parameters
     * @param nonEmbParams parameters outside the embedding and LM head
     * @param width        model width
     * @param depth        number of layers
     * @param vocabSize    vocabulary size
     */
    public record Model(String hfName, double loss, long params, long nonEmbParams, int width, int depth,
                        int vocabSize) {

        public Model {
            Objects.requireNonNull(hfName, "hfName");
        }

        /** The name after the organisation, e.g. {@code Gemma-7b} (Gemstones' {@code plot_name}). */
        public String shortName() {
            return hfName.substring(hfName.lastIndexOf('/') + 1);
        }

        /** Whether {@code name} is this model's Hugging Face name or its {@linkplain #shortName() short name}. */
        public boolean isCalled(String name) {
            return hfName.equals(name) || shortName().equals(name);
        }
    }

    public IndustryModels {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sha256, "sha256");
        models = List.copyOf(models);
    }

    /** The bundled Gemstones table. */
    public static IndustryModels bundled() {
        try (InputStream in = IndustryModels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled table " + RESOURCE + " is missing from the class path");
            }
            return parse(BUNDLED, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in {@code file}. */
    public static IndustryModels read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InputException(file.toString(), null, null, "a readable JSON file of industry models",
                    "no such file");
        }
        try {
            return parse(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The models none of whose names (Hugging Face or short) is in {@code names}. */
    public IndustryModels excluding(Collection<String> names) {
        return new IndustryModels(source, sha256, models.stream()
                .filter(model -> names.stream().noneMatch(model::isCalled)).toList());
    }

    /** The models whose loss lies in [low, high], in file order. */
    public List<Model> withLossIn(double low, double high) {
        return models.stream().filter(model -> model.loss() >= low && model.loss() <= high).toList();
    }

    /**
     * The models whose loss lies within {@code band} of the range of {@code parabola}'s interior losses,
     * [min − band, max + band], as Gemstones picks the reference lines of a panel (band 0.01); none if no shape is
     * interior.
     */
    public List<Model> near(OvertrainingParabola parabola, double band) {
        List<OvertrainedShape> interior = parabola.interior();
        if (interior.isEmpty()) {
            return List.of();
        }
        double least = interior.stream().mapToDouble(s -> s.shape().loss()).min().orElseThrow();
        double most = interior.stream().mapToDouble(s -> s.shape().loss()).max().orElseThrow();
        return withLossIn(least - band, most + band);
    }

    private static IndustryModels parse(String source, byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new InputException(source, null, null, "a JSON object of columns", JsonErrors.found(e),
                    e);
        }
        if (root == null || !root.isObject()) {
            throw new InputException(source, null, null, "a JSON object of columns", String.valueOf(root));
        }
        JsonNode names = column(source, root, "hf_name");
        int count = names.size();
        JsonNode loss = column(source, root, "loss");
        JsonNode params = column(source, root, "params");
        JsonNode nonEmbeddings = column(source, root, "non_emb_params");
        JsonNode width = column(source, root, "width");
        JsonNode depth = column(source, root, "depth");
        JsonNode vocab = column(source, root, "vocab_size");
        for (String field : List.of("loss", "params", "non_emb_params", "width", "depth", "vocab_size")) {
            if (root.get(field).size() != count) {
                throw new InputException(source, null, field, count + " entries, as hf_name has",
                        String.valueOf(root.get(field).size()));
            }
        }
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            JsonNode name = names.get(i);
            if (!name.isString() || name.asString().isBlank()) {
                throw new InputException(source, null, "hf_name[" + i + "]", "a model name", name.toString());
            }
            double value = loss.get(i).isNumber() ? loss.get(i).asDouble() : Double.NaN;
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new InputException(source, null, "loss[" + i + "]", "a positive finite number",
                        loss.get(i).toString());
            }
            models.add(new Model(name.asString(), value, count(source, params, "params", i, Long.MAX_VALUE),
                    count(source, nonEmbeddings, "non_emb_params", i, Long.MAX_VALUE),
                    (int) count(source, width, "width", i, Integer.MAX_VALUE),
                    (int) count(source, depth, "depth", i, Integer.MAX_VALUE),
                    (int) count(source, vocab, "vocab_size", i, Integer.MAX_VALUE)));
        }
        return new IndustryModels(source, sha256(bytes), models);
    }

    private static JsonNode column(String source, JsonNode root, String field) {
        JsonNode column = root.get(field);
        if (column == null || !column.isArray()) {
            throw new InputException(source, null, field, "an array (one entry a model)", String.valueOf(column));
        }
        return column;
    }

    private static long count(String source, JsonNode column, String field, int i, long max) {
        JsonNode value = column.get(i);
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() <= 0 || value.asLong() > max) {
            throw new InputException(source, null, field + "[" + i + "]", "a positive integer", value.toString());
        }
        return value.asLong();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
