package org.scalefit.overtraining;

import java.util.List;

/**
 * Which runs an over-training analysis fits and which it predicts. In Gadre et al.'s defaults
 * ({@code shared.fit_ds}) the loss law is fitted on 5 small runs, the downstream law on those plus one larger
 * compute-optimal run, and the targets are larger runs, some of them over-trained.
 *
 * @param lossFit       the runs the loss law L(N, M) is fitted on
 * @param downstreamFit the runs the downstream law Err(L) is fitted on (their observed losses and errors)
 * @param targets       the runs whose loss and error are predicted
 */
public record RunSplit(List<ModelRun> lossFit, List<ModelRun> downstreamFit, List<ModelRun> targets) {

    public RunSplit {
        lossFit = List.copyOf(lossFit);
        downstreamFit = List.copyOf(downstreamFit);
        targets = List.copyOf(targets);
    }
}
