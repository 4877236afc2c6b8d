package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Gadre et al. 2024's analysis of a run split (notebook cells 1 and 2): fit the loss law L(N, M) on the loss-fit
 * runs, fit one downstream law Err(L) per error name on the downstream-fit runs' <em>observed</em> losses, then
 * predict every target's loss at its (N, M) and its errors from that <em>predicted</em> loss.
 *
 * @param split           the runs fitted and predicted
 * @param lossFit         the loss-law fit
 * @param downstreamFits  per error name (e.g. {@code avg}, {@code avg_subset}), the downstream-law fit
 * @param predictions     one per target, in the split's order; empty if the loss-law fit failed. A failed
 *                        downstream fit contributes no error predictions.
 */
public record OvertrainingAnalysis(RunSplit split, OvertrainingFit lossFit, Map<String, DownstreamFit> downstreamFits,
                                   List<HeldOutPrediction> predictions) {

    public OvertrainingAnalysis {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(lossFit, "lossFit");
        downstreamFits = Collections.unmodifiableMap(new LinkedHashMap<>(downstreamFits));
        predictions = List.copyOf(predictions);
    }

    /**
     * Runs the analysis.
     *
     * @param split      the runs to fit and predict
     * @param downstream the error names to fit a downstream law for (may be empty: loss law only)
     * @param lossFitter how to fit the loss law
     * @param errorFitter how to fit each downstream law
     * @throws IllegalArgumentException if a fit set is too small or a run lacks a requested error
     */
    public static OvertrainingAnalysis of(RunSplit split, List<String> downstream, OvertrainingFitter lossFitter,
                                          DownstreamFitter errorFitter) {
        List<ModelRun> lossRuns = split.lossFit();
        OvertrainingFit lossFit = lossFitter.fit(lossRuns.stream().mapToDouble(ModelRun::params).toArray(),
                lossRuns.stream().mapToDouble(ModelRun::tokensPerParam).toArray(),
                lossRuns.stream().mapToDouble(ModelRun::loss).toArray());
        Map<String, DownstreamFit> downstreamFits = new LinkedHashMap<>();
        for (String key : downstream) {
            double[] errors = split.downstreamFit().stream().mapToDouble(run -> run.error(key)).toArray();
            double[] losses = split.downstreamFit().stream().mapToDouble(ModelRun::loss).toArray();
            downstreamFits.put(key, errorFitter.fit(losses, errors));
        }
        List<HeldOutPrediction> predictions = new ArrayList<>();
        if (!lossFit.report().failed()) {
            for (ModelRun run : split.targets()) {
                predictions.add(predict(run, split, lossFit.law(), downstreamFits));
            }
        }
        return new OvertrainingAnalysis(split, lossFit, downstreamFits, predictions);
    }

    private static HeldOutPrediction predict(ModelRun run, RunSplit split, OvertrainingLaw law,
                                             Map<String, DownstreamFit> downstreamFits) {
        double predictedLoss = law.loss(run.params(), run.tokensPerParam());
        Map<String, Prediction> chained = new LinkedHashMap<>();
        Map<String, Prediction> atObserved = new LinkedHashMap<>();
        downstreamFits.forEach((key, fit) -> {
            if (!fit.report().failed()) {
                double observed = run.error(key);
                chained.put(key, new Prediction(observed, fit.law().error(predictedLoss)));
                atObserved.put(key, new Prediction(observed, fit.law().error(run.loss())));
            }
        });
        return new HeldOutPrediction(run, split.lossFit().contains(run), split.downstreamFit().contains(run),
                new Prediction(run.loss(), predictedLoss), chained, atObserved);
    }
}
