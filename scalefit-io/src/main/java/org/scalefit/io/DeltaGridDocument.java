package org.scalefit.io;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.sensitivity.DeltaGridPoint;
import org.scalefit.sensitivity.ParamSearchArray;

/**
 * scalefit's result document of the δ × grid-size sweep ({@link DeltaGridPoint}; Gemstones, McLeish et al. 2025,
 * {@code approach_3_grid_search.py} with {@code param_search_array}): per Huber δ and start-grid size, the grid and the
 * params/tokens law fitted from it ({@link SensitivityLaw}); the data's provenance; the run. All but {@code run} is
 * the same, byte for byte, whatever the thread count. Written and read by {@link Documents}' mapper.
 *
 * @param analysis   always {@code delta-grid}
 * @param law        always {@code chinchilla}
 * @param results    one per δ and grid size
 * @param provenance the data, its SHA-256, the transforms and the version
 * @param run        threads and wall time
 */
public record DeltaGridDocument(String analysis, String law, List<Result> results,
                                FrontierDocument.Provenance provenance, RunTiming run) implements ResultDocument {

    /** The value of {@code analysis}. */
    public static final String ANALYSIS = "delta-grid";

    public DeltaGridDocument {
        results = List.copyOf(results);
    }

    /**
     * One δ and grid: the grid's target size, the grid itself, and the law fitted ({@link SensitivityLaw}, its δ
     * being this one).
     */
    public record Result(double delta, @JsonProperty("grid_size_target") long gridSizeTarget, Grid grid,
                         boolean success, String status, int points, @JsonUnwrapped SensitivityLaw.Result fit) {
    }

    /** A start grid of Gemstones' {@code param_search_array} ({@link ParamSearchArray}): values per axis, starts. */
    public record Grid(String name, @JsonProperty("exponent_values") int exponentValues,
                       @JsonProperty("coefficient_values") int coefficientValues,
                       @JsonProperty("error_values") int errorValues, long starts) {
    }

    /** The document of {@code points} on data of {@code provenance}, computed as {@code run} says. */
    public static DeltaGridDocument of(List<DeltaGridPoint> points, FitProvenance provenance, RunTiming run) {
        List<Result> results = new ArrayList<>();
        for (DeltaGridPoint point : points) {
            ParamSearchArray grid = point.grid();
            results.add(new Result(point.fit().delta(), grid.target(), new Grid(grid.name(),
                    grid.exponentValues(), grid.coefficientValues(), grid.errorValues(), grid.size()),
                    point.fit().succeeded(), point.fit().status().label(), point.fit().points(),
                    SensitivityLaw.Result.of(point.fit())));
        }
        return new DeltaGridDocument(ANALYSIS, "chinchilla", results, FrontierDocument.Provenance.of(provenance),
                run);
    }

    /**
     * Reads a document written by {@link #write()}.
     *
     * @throws InputException if {@code file} is not one
     */
    public static DeltaGridDocument read(Path file) {
        return Documents.read(file, DeltaGridDocument.class);
    }

    @Override
    public Envelope envelope() {
        return Envelope.of(analysis, provenance, null, run);
    }
}
