package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.RunCompute;
import org.scalefit.accounting.TrainingCompute;
import org.scalefit.data.Labelled;
import org.scalefit.data.RunTable;
import org.scalefit.frontier.Approach1;
import org.scalefit.frontier.LossFrontier;
import org.scalefit.frontier.Overspending;
import org.scalefit.io.ColumnMapping;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.FlopsColumn;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.io.TableReader;

/**
 * Chinchilla's Approach 1 as Gemstones run it ({@code scalefit frontier}): the runs on the lower convex hull of loss
 * against a resource (FLOPs or GPU-hours), log–log fits of params, tokens and tokens/param along it with
 * pairs-bootstrap intervals ({@link Approach1}), every run's overspend against the frontier ({@link Overspending}),
 * and optionally Chinchilla's binning minimisers ({@link LossFrontier#binMinimizers}).
 *
 * @param data      the runs
 * @param resource  the resource axis
 * @param costs     how params, FLOPs and GPU-hours are counted
 * @param tokens    keep only runs with tokens in [low, high], or null for all
 * @param resamples pairs-bootstrap resamples for the intervals (0: none)
 * @param seed      the bootstrap's seed
 * @param bins      log-spaced bins of the binning minimisers (0: none)
 * @param dropDominated leave out of the frontier (and its fits) the runs an earlier frontier run dominates, which
 *                  Gemstones' rule keeps: the strict Pareto frontier ({@link LossFrontier#withoutDominated})
 */
public record FrontierRequest(DataSource data, Resource resource, CostRequest costs, TokenWindow tokens,
                              int resamples, long seed, int bins, boolean dropDominated) {

    /** The resource axis of the frontier. */
    public enum Resource implements Labelled {
        /** Training FLOPs ({@link RunCompute}). */
        FLOPS,
        /** GPU-hours (seconds/step × steps × nodes × GPUs/node / 3600). */
        GPU_HOURS;

        /**
         * The resource of that name.
         *
         * @throws IllegalArgumentException for another name
         */
        public static Resource named(String name) {
            return Labelled.byLabel(Resource.class, name, "resource");
        }
    }

    /** Runs with tokens in [low, high] (e.g. one checkpoint per model for Gemstones' overspending at 300B). */
    public record TokenWindow(double low, double high) {
    }

    public FrontierRequest {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(costs, "costs");
        if (resamples < 0 || bins < 0) {
            throw new IllegalArgumentException("--bootstrap and --bins take 0 (none) or more; were " + resamples
                    + " and " + bins);
        }
    }

    /** Gemstones' frontier, dominated runs kept. */
    public FrontierRequest(DataSource data, Resource resource, CostRequest costs, TokenWindow tokens, int resamples,
                           long seed, int bins) {
        this(data, resource, costs, tokens, resamples, seed, bins, false);
    }

    /** The analysis, with what it was computed from. */
    public FrontierResult run() {
        List<String> required = new ArrayList<>(List.of("tokens", "loss"));
        if (resource == Resource.GPU_HOURS) {
            required.addAll(RunCompute.TIMING);
        }
        TableReader.Read read = costs.readWithColumns(data, ColumnRequest.of(required.toArray(String[]::new)));
        RunTable table = read.table();
        if (tokens != null) {
            table = table.withRowsBetween("tokens", tokens.low(), tokens.high());
        }
        return analyse(table, read.columns(), costs.count(table, data));
    }

    /**
     * The analysis of runs already read (after the token window) and counted: the report's Approach 1 is this call on
     * the table it read, so that it says what the command says.
     */
    FrontierResult analyse(RunTable table, ColumnMapping columns, RunCompute counts) {
        List<String> transforms = new ArrayList<>();
        // recorded as a fit records them (FitInputs): the rows where the condition holds, in counts
        transforms.addAll(data.selectionLabels());
        new TreeMap<>(data.columns()).forEach((logical, column) -> transforms.add("column " + logical + "=" + column));
        if (tokens != null) {
            transforms.add("tokens in [" + tokens.low() + ", " + tokens.high() + "]");
        }
        transforms.addAll(counts.transforms());
        boolean gpuHours = resource == Resource.GPU_HOURS;
        double[] spent = gpuHours ? counts.gpuHours() : counts.flops();
        transforms.add("resource=" + resource.label() + (gpuHours ? "(gpus-per-node=" + costs.gpusPerNode() + ")"
                : "(" + counts.flopsLabel() + ")"));
        double[] loss = table.column("loss");
        LossFrontier hull = LossFrontier.convexHull(spent, loss);
        if (dropDominated) {
            transforms.add("frontier=strict (runs an earlier frontier run dominates left out)");
        }
        Approach1 analysis = Approach1.of(frontier(hull), counts.params(), table.column("tokens"), resamples, seed);
        Overspending overspending = Overspending.against(analysis.frontier(), spent, loss);
        LossFrontier binned = bins > 0 ? LossFrontier.binMinimizers(spent, loss, bins) : null;
        FitProvenance provenance = new FitProvenance(table.source(), table.contentHash(), transforms,
                ScalefitVersion.current());
        boolean shapes = table.hasColumn("width") && table.hasColumn("depth");
        List<double[]> ratios = shapes ? accountingRatios(table.column("width"), table.column("depth"),
                costs.architecture()) : List.of();
        return new FrontierResult(this, table, counts, hull, analysis, overspending, binned, ratios, provenance,
                flopsWarnings(table, columns, counts));
    }

    /** The frontier the fits go through: Gemstones' {@code hull}, or its strict part when dominated runs are dropped. */
    LossFrontier frontier(LossFrontier hull) {
        return dropDominated ? hull.withoutDominated() : hull;
    }

    /**
     * The disagreement of a FLOPs column with 6·N·D ({@link FlopsColumn#sixNDDisagreement}); none when the FLOPs are
     * counted.
     */
    private List<String> flopsWarnings(RunTable table, ColumnMapping columns, RunCompute counts) {
        if (!counts.transforms().contains("flops=column")) {
            return List.of();
        }
        String flops = columns.fileColumn(RunCompute.FLOPS);
        String params = counts.transforms().stream().anyMatch(t -> t.startsWith("params=count"))
                ? "params counted from the shape" : columns.fileColumn(RunCompute.PARAMS);
        String tokensColumn = columns.fileColumn(RunCompute.TOKENS);
        return FlopsColumn.sixNDDisagreement(table, counts.flops(), counts.params(), table.column(RunCompute.TOKENS),
                flops, params, tokensColumn, String.format(Locale.ROOT, "The frontier is drawn against column '%s'; "
                + "its fits use the parameters and column '%s' as they are.", flops, tokensColumn)).stream()
                .toList();
    }

    /** width, depth and exact-FLOPs/6N of each distinct shape, in order of first appearance. */
    private static List<double[]> accountingRatios(double[] width, double[] depth, Architecture architecture) {
        Set<List<Double>> seen = new HashSet<>();
        List<double[]> shapes = new ArrayList<>();
        for (int i = 0; i < width.length; i++) {
            if (seen.add(List.of(width[i], depth[i]))) {
                shapes.add(new double[] {width[i], depth[i], TrainingCompute.accountingRatio(architecture,
                        (int) width[i], (int) depth[i])});
            }
        }
        return shapes;
    }
}
