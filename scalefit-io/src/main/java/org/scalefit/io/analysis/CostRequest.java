package org.scalefit.io.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.scalefit.accounting.Architecture;
import org.scalefit.accounting.FlopCount;
import org.scalefit.accounting.RunCompute;
import org.scalefit.data.RunTable;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.FlopsColumn;
import org.scalefit.io.InputException;
import org.scalefit.io.TableReader;

/**
 * Where the runs' parameter counts, training FLOPs and GPU-hours come from, read by the one rule of
 * {@link RunCompute} (the frontier, the report and the Gemstones reproduction share it): a FLOPs column when one is
 * mapped ({@code flopsColumn}, or a {@code flops} mapping of the data), else a count ({@code count}, null for 6ND on
 * params or Gemstones' exact count from the shape).
 *
 * @param flopsColumn  the file column of training FLOPs, or null
 * @param count        the FLOPs count asked for, or null for the default
 * @param architecture the architecture of counts from width and depth
 * @param noEmbeds     count parameters without embeddings (from the shape, vocabulary 0)
 * @param gpusPerNode  GPUs per node, for GPU-hours
 */
public record CostRequest(String flopsColumn, FlopCount count, Architecture architecture, boolean noEmbeds,
                          int gpusPerNode) {

    /** 6ND on the file's params (or Gemstones' count from the shape without params), Gemstones' architecture. */
    public static CostRequest defaults() {
        return new CostRequest(null, null, Architecture.gemstones(), false, 8);
    }

    /**
     * Reads {@code base}'s columns of {@code data}, with those {@link #count} may use.
     *
     * @throws IllegalArgumentException if {@code flopsColumn} and the data's {@code flops} mapping differ, or a FLOPs
     *                                  column is read and a {@code count} is asked for too
     */
    public RunTable read(DataSource data, ColumnRequest base) {
        return readWithColumns(data, base).table();
    }

    /** As {@link #read}, with the file columns read and any text columns requested (e.g. {@code run}). */
    public TableReader.Read readWithColumns(DataSource data, ColumnRequest base) {
        DataSource located = data;
        if (flopsColumn != null) {
            String mapped = data.columns().get(RunCompute.FLOPS);
            if (mapped != null && !mapped.equals(flopsColumn)) {
                throw new IllegalArgumentException("--flops " + flopsColumn + " and --column flops=" + mapped
                        + " name different columns; give one");
            }
            located = data.withColumns(Map.of(RunCompute.FLOPS, flopsColumn));
        }
        boolean readsFlops = readsFlopsColumn(data);
        if (readsFlops && count != null) {
            throw new IllegalArgumentException((flopsColumn != null ? "--flops " + flopsColumn
                    : "--column flops=" + data.columns().get(RunCompute.FLOPS)) + " reads the FLOPs from a column, "
                    + "but --flop-count " + count.label() + " counts them; give one");
        }
        ColumnRequest with = base;
        for (String column : List.of(RunCompute.PARAMS, RunCompute.WIDTH, RunCompute.DEPTH)) {
            if (!with.all().contains(column)) {
                with = with.withOptional(column);
            }
        }
        if (readsFlops) {
            List<String> required = new ArrayList<>(with.required());
            if (!required.contains(RunCompute.FLOPS)) {
                required.add(RunCompute.FLOPS);
            }
            List<String> optional = new ArrayList<>(with.optional());
            optional.remove(RunCompute.FLOPS);
            with = new ColumnRequest(required, optional, with.mapping());
        }
        return located.readWithColumns(with);
    }

    /**
     * The params, FLOPs and GPU-hours of {@code table}, read from {@code data} by {@link #read}.
     *
     * @throws IllegalArgumentException if the table lacks what the rule needs
     * @throws InputException           at the first run whose counted FLOPs or GPU-hours overflow a double (e.g.
     *                                  6·N·D of params and tokens that are each finite but of a wrong unit), or
     *                                  whose FLOPs column is below 6·N ({@link FlopsColumn})
     */
    public RunCompute count(RunTable table, DataSource data) {
        RunCompute counts = RunCompute.of(table, new RunCompute.Rule(readsFlopsColumn(data), count, architecture,
                noEmbeds, gpusPerNode));
        double[] flops = counts.flops();
        double[] params = counts.params();
        double[] tokens = table.column(RunCompute.TOKENS);
        if (readsFlopsColumn(data)) {
            FlopsColumn.requireAtLeastOneToken(table, flops, params, flopsColumn != null ? flopsColumn
                    : data.columns().get(RunCompute.FLOPS), data.mapping().fileColumn(RunCompute.PARAMS));
        }
        for (int i = 0; i < flops.length; i++) {
            if (Double.isInfinite(flops[i])) {
                throw new InputException(table.source(), table.locations(), table.sourceLine(i), null,
                        "training FLOPs a double can hold (at most 1.8e308)", "FLOPs (" + counts.flopsLabel()
                        + ") = Infinity, from params " + params[i] + " and tokens " + tokens[i]);
            }
        }
        if (counts.timed()) {
            double[] hours = counts.gpuHours();
            for (int i = 0; i < hours.length; i++) {
                if (Double.isInfinite(hours[i])) {
                    throw new InputException(table.source(), table.locations(), table.sourceLine(i), null,
                            "GPU-hours a double can hold (at most 1.8e308)", "GPU-hours = Infinity, from "
                            + String.join(", ", RunCompute.TIMING));
                }
            }
        }
        return counts;
    }

    /** The FLOPs column is read: named here, or mapped in {@code data}. */
    private boolean readsFlopsColumn(DataSource data) {
        return flopsColumn != null || data.columns().containsKey(RunCompute.FLOPS);
    }
}
