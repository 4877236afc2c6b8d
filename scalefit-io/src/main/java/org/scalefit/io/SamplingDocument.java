package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.sensitivity.ReferenceDesign;
import org.scalefit.sensitivity.SamplingComparison;

/**
 * scalefit's result document of the reduced-sampling comparison ({@link SamplingComparison}; Gemstones, McLeish et
 * al. 2025, the laws fitted on a sample of runs drawn like Chinchilla's design): per comparison the law fitted on all
 * runs and on the sample ({@link SensitivityLaw}) and the change of each parameter and allocation slope; the design the
 * runs were sampled like; the samples themselves (each row with its source line, or row for Parquet); the data's
 * provenance; the run. Written and read by {@link Documents}' mapper.
 *
 * @param analysis    always {@code sampling}
 * @param law         always {@code chinchilla}
 * @param comparisons one per sample
 * @param design      the reference design and token units
 * @param samples     the rows of each sample, by the comparison's name
 * @param provenance  the data, its SHA-256, the transforms and the version
 * @param run         threads and wall time
 */
public record SamplingDocument(String analysis, String law, List<Comparison> comparisons, Design design,
                               Map<String, List<SampleRow>> samples, FrontierDocument.Provenance provenance,
                               RunTiming run) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "sampling";

    public SamplingDocument {
        comparisons = List.copyOf(comparisons);
        samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
    }

    /** One comparison: the law on all runs, on the sample, and the change (sample − all; null where undefined). */
    public record Comparison(String name, SensitivityLaw full, SensitivityLaw reduced, Change change) {
    }

    /** The change of θ = (α, β, log A, log B, log E) and of the allocation slopes. */
    public record Change(Double alpha, Double beta, @JsonProperty("log_A") Double logA,
                         @JsonProperty("log_B") Double logB, @JsonProperty("log_E") Double logE,
                         @JsonProperty("params_slope") Double paramsSlope,
                         @JsonProperty("tokens_slope") Double tokensSlope) {
    }

    /** The reference design ({@link ReferenceDesign}): token units and the tokens per size class. */
    public record Design(@JsonProperty("reference_token_unit") double referenceTokenUnit,
                         @JsonProperty("sample_token_unit") double sampleTokenUnit,
                         @JsonProperty("tokens_by_size_class") Map<String, List<Double>> tokensBySizeClass) {

        public Design {
            tokensBySizeClass = Collections.unmodifiableMap(new LinkedHashMap<>(tokensBySizeClass));
        }
    }

    /**
     * A sampled run: where it is in the data file ({@link RowLocation}: its {@code line} in a CSV or JSON Lines file,
     * its {@code row} in a Parquet file; exactly one is present) and its columns, by name.
     */
    @JsonPropertyOrder({"line", "row"})
    public record SampleRow(@JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
                            @JsonAnyGetter @JsonAnySetter Map<String, Double> columns) {

        public SampleRow {
            if ((line == null) == (row == null)) {
                throw new IllegalArgumentException("a sampled run has a line or a row, not " + (line == null
                        ? "neither" : "both"));
            }
            columns = columns == null ? new LinkedHashMap<>() : columns;
        }
    }

    /**
     * The document of {@code comparisons} of samples drawn like {@code design} (their tokens rounded to
     * {@code sampleTokenUnit}) on data of {@code provenance}, computed as {@code run} says.
     */
    public static SamplingDocument of(List<SamplingComparison> comparisons, ReferenceDesign design,
                                      double sampleTokenUnit, Map<String, RunTable> samples,
                                      FitProvenance provenance, RunTiming run) {
        List<Comparison> list = new ArrayList<>();
        for (SamplingComparison comparison : comparisons) {
            double[] theta = comparison.parameterChange();
            list.add(new Comparison(comparison.name(), SensitivityLaw.of(comparison.full()),
                    SensitivityLaw.of(comparison.reduced()), new Change(Documents.finite(theta[0]),
                    Documents.finite(theta[1]), Documents.finite(theta[2]), Documents.finite(theta[3]),
                    Documents.finite(theta[4]), Documents.finite(comparison.paramsSlopeChange()),
                    Documents.finite(comparison.tokensSlopeChange()))));
        }
        Map<String, List<Double>> classes = new LinkedHashMap<>();
        design.tokensBySizeClass().forEach((sizeClass, tokens) ->
                classes.put(String.format(Locale.ROOT, "%.0f", sizeClass), SensitivityLaw.list(tokens)));
        Map<String, List<SampleRow>> rows = new LinkedHashMap<>();
        samples.forEach((name, table) -> rows.put(name, rows(table)));
        return new SamplingDocument(ANALYSIS, "chinchilla", list,
                new Design(design.tokenUnit(), sampleTokenUnit, classes), rows,
                FrontierDocument.Provenance.of(provenance), run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static SamplingDocument read(Path file) {
        return Documents.read(file, SamplingDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, run);
    }

    private static List<SampleRow> rows(RunTable table) {
        List<String> names = table.columnNames();
        double[][] values = names.stream().map(table::column).toArray(double[][]::new);
        List<SampleRow> rows = new ArrayList<>();
        for (int i = 0; i < table.rows(); i++) {
            Map<String, Double> columns = new LinkedHashMap<>();
            for (int c = 0; c < names.size(); c++) {
                columns.put(names.get(c), values[c][i]);
            }
            boolean line = table.locations() == RowLocation.LINE;
            rows.add(new SampleRow(line ? table.sourceLine(i) : null, line ? null : table.sourceLine(i), columns));
        }
        return rows;
    }
}
