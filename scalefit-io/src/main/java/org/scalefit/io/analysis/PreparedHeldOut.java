package org.scalefit.io.analysis;

import java.util.List;
import java.util.Optional;
import org.scalefit.data.Observations;
import org.scalefit.data.RepeatedTokens;
import org.scalefit.fit.FitProgress;
import org.scalefit.heldout.HeldOutEvaluation;
import org.scalefit.heldout.HeldOutLaw;
import org.scalefit.heldout.HeldOutReport;
import org.scalefit.heldout.ModelSizes;
import org.scalefit.io.FitInputs;
import org.scalefit.io.FitProvenance;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.parallel.Parallelism;

/**
 * A {@link HeldOutRequest} with its points read and grouped into model sizes, ready to fit.
 *
 * @param request    the request
 * @param inputs     the points read
 * @param key        the size key's columns
 * @param sizeOrder  what the sizes are ordered by: params, or {@value HeldOutRequest#WIDTH_SQUARED_DEPTH} when the
 *                   data has no params column
 * @param sizes      the model sizes, ordered by {@code sizeOrder}
 * @param counts     rollout: the numbers k of smallest sizes fitted on
 * @param evaluation the evaluation (the law with its objective and starts; a written law with the weights read)
 */
public record PreparedHeldOut(HeldOutRequest request, FitInputs inputs, List<String> key, String sizeOrder,
                              ModelSizes sizes, int[] counts, HeldOutEvaluation evaluation) {

    /**
     * The caution that the points repeat their data ({@link FitInputs#repetition()},
     * {@link org.scalefit.data.RepeatedTokens}), for a law whose tokens input counts a repeated token as a fresh one;
     * empty for a written law that reads the unique tokens or epochs itself, or data that does not say.
     */
    public Optional<String> repetitionCaution() {
        RepeatedTokens repetition = inputs.repetition();
        return repetition == null ? Optional.empty() : repetition.caution();
    }

    /** The starts all the fits run, for a progress bar. */
    public long fitStarts() {
        return (long) evaluation.fitCount(request.mode(), sizes, counts) * evaluation.grid().size();
    }

    /** The held-out fits on {@code parallelism}; the result does not depend on the thread count. */
    public HeldOutResult run(Parallelism parallelism, FitProgress progress) {
        Observations observations = inputs.observations();
        long begin = System.nanoTime();
        HeldOutReport report = evaluation.run(request.mode(), observations, sizes, counts, parallelism, progress);
        double seconds = (System.nanoTime() - begin) / 1e9;
        FitProvenance provenance = new FitProvenance(inputs.table().source(), inputs.table().contentHash(),
                inputs.transforms(), ScalefitVersion.current(), inputs.columns().fileColumns());
        return new HeldOutResult(this, observations, report, provenance, new RunTiming(parallelism.threads(),
                seconds));
    }
}
