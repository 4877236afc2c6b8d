package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.data.RowLocation;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LogLogFit;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.frontier.Overspending;

/**
 * scalefit's result document of an {@link Approach1} analysis (Gemstones' Approach 1, McLeish et al. 2025): the
 * frontier runs with their source lines (rows, for Parquet), the three log–log fits with R² and bootstrap
 * intervals, every run's overspend, optional binning minimisers, each shape's exact-FLOPs/6N ratio and provenance.
 * Written and read by {@link Documents}' one mapper. Gemstones' {@code approach_1_linear_regression_*.json} shape
 * is {@link FrontierResultJson#gemstones}.
 *
 * @param analysis         always {@code approach-1}
 * @param resource         the resource the frontier is drawn against ({@code flops} or {@code gpu-hours})
 * @param runs             how many runs were analysed
 * @param frontier         the runs on the frontier, by increasing resource
 * @param fits             the log–log fits of params, tokens and tokens per parameter against the resource
 * @param binMinimizers    Chinchilla's binning minimisers, or null (absent) when not asked for
 * @param overspendPercent every run's overspend against the frontier run of nearest loss, in table order
 * @param flopsAccounting  width, depth and exact FLOPs / 6N of each distinct shape; empty without shapes
 * @param provenance       the data, its SHA-256, the transforms and the version
 * @param warnings         what the frontier's numbers do not show (a frontier run that an earlier one dominates);
 *                         absent when there is nothing to say
 */
@JsonPropertyOrder({"analysis", "resource", "runs", "frontier", "fits", "bin_minimizers", "overspend_percent",
        "flops_accounting", "provenance", "warnings"})
public record FrontierDocument(
        String analysis, String resource, int runs, List<Run> frontier, Fits fits,
        @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("bin_minimizers") List<Run> binMinimizers,
        @JsonProperty("overspend_percent") List<Double> overspendPercent,
        @JsonProperty("flops_accounting") List<ShapeRatio> flopsAccounting,
        Provenance provenance, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings)
        implements ResultDocument {

    /** The document's {@code analysis}. */
    public static final String APPROACH_1 = "approach-1";

    public FrontierDocument {
        frontier = frontier == null ? List.of() : List.copyOf(frontier);
        binMinimizers = binMinimizers == null ? null : List.copyOf(binMinimizers);
        overspendPercent = overspendPercent == null ? List.of() : List.copyOf(overspendPercent);
        flopsAccounting = flopsAccounting == null ? List.of() : List.copyOf(flopsAccounting);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /**
     * One run of the frontier (or one binning minimiser), located in the data file as {@link RowLocation} says: by
     * {@code line} in a CSV or JSON Lines file, by {@code row} in a Parquet file (exactly one of them is present).
     *
     * @param line     the 1-based line of the text file it came from, or null (absent) for a Parquet file
     * @param row      the 1-based row of the Parquet file it came from, or null (absent) for a text file
     * @param width    the model's width, or null (absent) when the data have no shapes
     * @param depth    the model's depth, or null (absent) when the data have no shapes
     * @param params   parameters N
     * @param tokens   tokens D
     * @param resource its FLOPs or GPU-hours
     * @param loss     its loss
     */
    @JsonPropertyOrder({"line", "row", "width", "depth", "params", "tokens", "resource", "loss"})
    public record Run(@JsonInclude(JsonInclude.Include.NON_NULL) Integer line,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer row,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double width,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Double depth, double params, double tokens,
                      double resource, double loss) {

        public Run {
            if ((line == null) == (row == null)) {
                throw new IllegalArgumentException("a run has a line or a row, not " + (line == null ? "neither"
                        : "both"));
            }
        }
    }

    /** The three log–log fits against the resource. */
    @JsonPropertyOrder({"params", "tokens", "tokens_per_param"})
    public record Fits(LineFit params, LineFit tokens, @JsonProperty("tokens_per_param") LineFit tokensPerParam) {
    }

    /**
     * One fit ln y = slope · ln x + intercept ({@link LogLogFit}).
     *
     * @param slope               the slope
     * @param intercept           the intercept (ln prefactor)
     * @param rSquared            R²
     * @param points              how many frontier runs were fitted
     * @param slopeInterval95     the slope's 95% pairs-bootstrap interval, or null (absent) without resamples
     * @param interceptInterval95 the intercept's 95% interval, or null (absent) without resamples
     * @param bootstrapResamples  the resamples, or null (absent) when there were none
     * @param warnings            what makes the fit weaker than its numbers look ({@link LogLogFit#warnings()});
     *                            absent when empty
     */
    @JsonPropertyOrder({"slope", "intercept", "r_squared", "points", "slope_interval_95", "intercept_interval_95",
            "bootstrap_resamples", "warnings"})
    public record LineFit(double slope, double intercept, @JsonProperty("r_squared") double rSquared, int points,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("slope_interval_95")
                          List<Double> slopeInterval95,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("intercept_interval_95")
                          List<Double> interceptInterval95,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("bootstrap_resamples")
                          Integer bootstrapResamples,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> warnings) {

        public LineFit {
            slopeInterval95 = slopeInterval95 == null ? null : List.copyOf(slopeInterval95);
            interceptInterval95 = interceptInterval95 == null ? null : List.copyOf(interceptInterval95);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }

        /** The document's record of {@code fit}. */
        public static LineFit of(LogLogFit fit) {
            if (fit.resamples() <= 0) {
                return new LineFit(fit.slope(), fit.intercept(), fit.rSquared(), fit.points(), null, null, null,
                        fit.warnings());
            }
            return new LineFit(fit.slope(), fit.intercept(), fit.rSquared(), fit.points(),
                    List.of(fit.slopeInterval()[0], fit.slopeInterval()[1]),
                    List.of(fit.interceptInterval()[0], fit.interceptInterval()[1]), fit.resamples(), fit.warnings());
        }
    }

    /** A distinct shape's exact FLOPs over 6N. */
    @JsonPropertyOrder({"width", "depth", "exact_over_6n"})
    public record ShapeRatio(double width, double depth, @JsonProperty("exact_over_6n") double exactOver6n) {
    }

    /** The data the analysis was made on, its SHA-256, what was derived from it, and the version. */
    @JsonPropertyOrder({"data", "data_sha256", "transforms", "scalefit_version"})
    public record Provenance(String data, @JsonProperty("data_sha256") String dataSha256, List<String> transforms,
                             @JsonProperty("scalefit_version") String scalefitVersion) implements Envelope.Source {

        public Provenance {
            transforms = transforms == null ? List.of() : List.copyOf(transforms);
        }

        /** The document's record of {@code provenance}. */
        public static Provenance of(FitProvenance provenance) {
            return new Provenance(provenance.data(), provenance.dataSha256(), provenance.transforms(),
                    provenance.version());
        }
    }

    /**
     * The document of {@code analysis} against {@code resource} over {@code table} (whose runs have {@code params}
     * and {@code tokens}), with the binning minimisers {@code binned} (or null), the overspends, each shape's
     * {@code [width, depth, exact/6N]}, the data's provenance and the analysis's warnings.
     */
    public static FrontierDocument of(String resource, Approach1 analysis, LossFrontier binned,
                                      Overspending overspending, List<double[]> accountingRatios, RunTable table,
                                      double[] params, double[] tokens, FitProvenance provenance,
                                      List<String> warnings) {
        List<Double> spend = new ArrayList<>();
        for (double percent : overspending.percent()) {
            spend.add(percent);
        }
        List<ShapeRatio> shapes = new ArrayList<>();
        for (double[] shape : accountingRatios) {
            shapes.add(new ShapeRatio(shape[0], shape[1], shape[2]));
        }
        return new FrontierDocument(APPROACH_1, resource, table.rows(),
                runs(analysis.frontier(), table, params, tokens),
                new Fits(LineFit.of(analysis.params()), LineFit.of(analysis.tokens()),
                        LineFit.of(analysis.tokensPerParam())),
                binned == null ? null : runs(binned, table, params, tokens), spend, shapes,
                Provenance.of(provenance), warnings);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static FrontierDocument read(Path file) {
        return Documents.read(file, FrontierDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, null);
    }

    private static List<Run> runs(LossFrontier frontier, RunTable table, double[] params, double[] tokens) {
        int[] rows = frontier.rows();
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        double[] width = shapes ? table.column("width") : null;
        double[] depth = shapes ? table.column("depth") : null;
        List<Run> runs = new ArrayList<>();
        for (int t = 0; t < rows.length; t++) {
            int i = rows[t];
            boolean line = table.locations() == RowLocation.LINE;
            runs.add(new Run(line ? table.sourceLine(i) : null, line ? null : table.sourceLine(i),
                    shapes ? width[i] : null, shapes ? depth[i] : null, params[i], tokens[i], frontier.resource()[t],
                    frontier.loss()[t]));
        }
        return runs;
    }
}
