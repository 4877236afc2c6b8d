package org.scalefit.overtraining;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The predictions for one target run (Gadre et al.'s notebook, cell 2): its loss from the loss law at (N, M),
 * and each downstream error <em>chained</em> from that predicted loss, Err(L̂(N, M)); for comparison also the error
 * the downstream law gives at the run's observed loss.
 *
 * @param run                  the target run
 * @param inLossFit            whether the run is among the loss law's fit points
 * @param inDownstreamFit      whether the run is among the downstream law's fit points
 * @param loss                 observed and predicted loss
 * @param error                per downstream error name: observed error and Err(L̂), the chained prediction
 * @param errorAtObservedLoss  per downstream error name: observed error and Err(L), at the observed loss
 */
public record HeldOutPrediction(ModelRun run, boolean inLossFit, boolean inDownstreamFit, Prediction loss,
                                Map<String, Prediction> error, Map<String, Prediction> errorAtObservedLoss) {

    public HeldOutPrediction {
        Objects.requireNonNull(run, "run");
        Objects.requireNonNull(loss, "loss");
        error = Collections.unmodifiableMap(new LinkedHashMap<>(error));
        errorAtObservedLoss = Collections.unmodifiableMap(new LinkedHashMap<>(errorAtObservedLoss));
    }
}
