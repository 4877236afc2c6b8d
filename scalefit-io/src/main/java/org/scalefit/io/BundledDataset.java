package org.scalefit.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A run table shipped inside scalefit, named by an id:
 * <ul>
 *   <li>{@code gemstones:<set>} — the Gemstones table {@code wandb_df_for_fitting_<set>.jsonl}, e.g.
 *       {@code gemstones:hot}, {@code gemstones:hot_100b+}, {@code gemstones:slim_chinchilla}; and
 *       {@code gemstones:fineweb_dclm}, {@code gemstones:fineweb_edu}, the same checkpoints' losses on DCLM and
 *       FineWeb-Edu ({@code benchmarks/fineweb_*_losses_combined.jsonl});</li>
 *   <li>{@code datablations:c4} — Muennighoff et al. (2023)'s 296 data-constrained runs (params, tokens,
 *       unique_tokens, epochs, final C4 loss, in_published_fit); {@code params} and {@code loss} also appear as
 *       {@code params_active_precise} and {@code final_loss}, the default column names; and
 *       {@code datablations:c4_published_fit}, the 182 of them their published fit uses ({@code in_published_fit}
 *       = 1; the column is 0 elsewhere, so read it only from this set);</li>
 *   <li>{@code chinchilla:epoch} — Epoch AI's points extracted from Chinchilla Fig. 4, with Epoch's pre-processing:
 *       columns {@code params_active_precise} = {@code Model Size}, {@code tokens} =
 *       {@code Training FLOP / (6.0 * Model Size)}, {@code FLOPs} = {@code Training FLOP}, {@code final_loss} =
 *       {@code loss}; all 245 rows (outliers are removed later, by the analyses).</li>
 * </ul>
 * The files live under {@code org/scalefit/io/datasets/} on the class path, listed in the {@code index} file there
 * (so the list is available from inside a jar); sources and licences are in the {@code NOTICE} file beside it.
 * Read one with {@link TableReader#read(BundledDataset, ColumnRequest)}.
 */
public final class BundledDataset {

    private static final String FOLDER = "datasets/";
    private static final String INDEX = FOLDER + "index";

    /** Epoch AI's pre-processing of the Chinchilla CSV, as DuckDB expressions over its (text) columns. */
    private static final Map<String, String> EPOCH_CHINCHILLA_COLUMNS = epochChinchillaColumns();

    private final String id;
    private final String resource;

    private BundledDataset(String id, String resource) {
        this.id = id;
        this.resource = resource;
    }

    /**
     * The dataset with this id.
     *
     * @throws IllegalArgumentException if there is none; the message lists the valid ids
     */
    public static BundledDataset of(String id) {
        Objects.requireNonNull(id, "id");
        List<BundledDataset> all = all();
        for (BundledDataset dataset : all) {
            if (dataset.id.equals(id)) {
                return dataset;
            }
        }
        throw new IllegalArgumentException("unknown dataset '" + id + "'; the bundled datasets are " + ids());
    }

    /** Whether {@code id} names a bundled dataset. */
    public static boolean exists(String id) {
        return ids().contains(id);
    }

    /** The ids of all bundled datasets, in the order of the index. */
    public static List<String> ids() {
        return all().stream().map(BundledDataset::id).toList();
    }

    /** All bundled datasets, in the order of the index. */
    public static List<BundledDataset> all() {
        List<BundledDataset> datasets = new ArrayList<>();
        try (InputStream in = BundledDataset.class.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException("the dataset index " + INDEX + " is missing from the class path");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 2) {
                    throw new IllegalStateException("malformed line in the dataset index: " + line);
                }
                datasets.add(new BundledDataset(fields[0].strip(), fields[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dataset index " + INDEX, e);
        }
        return List.copyOf(datasets);
    }

    /** The id, e.g. {@code gemstones:hot}. */
    public String id() {
        return id;
    }

    /** The file's path relative to the datasets folder, e.g. {@code gemstones/wandb_df_for_fitting_hot.jsonl}. */
    public String resource() {
        return resource;
    }

    /** The file's name, e.g. {@code wandb_df_for_fitting_hot.jsonl}; its extension gives the {@link #format()}. */
    public String fileName() {
        return resource.substring(resource.lastIndexOf('/') + 1);
    }

    /** The format of the underlying file. */
    public TableFormat format() {
        return TableFormat.of(java.nio.file.Path.of(fileName()));
    }

    /** Opens the underlying file's bytes; the caller closes the stream. */
    public InputStream open() {
        InputStream in = BundledDataset.class.getResourceAsStream(FOLDER + resource);
        if (in == null) {
            throw new IllegalStateException("bundled dataset " + id + " is listed in the index but "
                    + FOLDER + resource + " is missing from the class path");
        }
        return in;
    }

    /**
     * The columns this dataset presents instead of the file's own, as DuckDB SQL expressions over the file's columns
     * (read as text), or an empty map when the file's columns are used as they are.
     */
    Map<String, String> derivedColumns() {
        return switch (id) {
            case "chinchilla:epoch" -> EPOCH_CHINCHILLA_COLUMNS;
            case "datablations:c4", "datablations:c4_published_fit" -> DATABLATIONS_COLUMNS;
            default -> Map.of();
        };
    }

    /** Muennighoff et al.'s runs with params and loss under the default names of {@link ColumnMapping#gemstones()}. */
    private static final Map<String, String> DATABLATIONS_COLUMNS = java.util.Collections.unmodifiableMap(
            new LinkedHashMap<>(Map.of("run", "\"run\"", "params_active_precise", "\"params\"", "params", "\"params\"",
                    "tokens", "\"tokens\"", "unique_tokens", "\"unique_tokens\"", "epochs", "\"epochs\"",
                    "final_loss", "\"loss\"", "loss", "\"loss\"", "in_published_fit", "\"in_published_fit\"")));

    private static Map<String, String> epochChinchillaColumns() {
        String modelSize = "TRY_CAST(\"Model Size\" AS DOUBLE)";
        String trainingFlop = "TRY_CAST(\"Training FLOP\" AS DOUBLE)";
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("params_active_precise", "\"Model Size\"");
        columns.put("tokens", "CAST(" + trainingFlop + " / (CAST(6.0 AS DOUBLE) * " + modelSize + ") AS VARCHAR)");
        columns.put("FLOPs", "\"Training FLOP\"");
        columns.put("final_loss", "\"loss\"");
        return java.util.Collections.unmodifiableMap(columns);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BundledDataset that && id.equals(that.id) && resource.equals(that.resource);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, resource);
    }

    @Override
    public String toString() {
        return id;
    }
}
