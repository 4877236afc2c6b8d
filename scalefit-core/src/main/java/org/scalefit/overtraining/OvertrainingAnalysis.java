package org.scalefit.overtraining;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * A warning for every predicted error outside [0, 1], the range of an error rate, with what it means: the
     * downstream law Err(L) = ε − k·e^(−γ·L) is a fit over the downstream-fit runs' observed losses, and at a loss far
     * from them (here the loss predicted for the run, or its observed loss) it is extrapolated past the loss where it
     * crosses 0 (or 1) and no longer describes an error rate. Each names the run, the error, the loss, the value, the
     * losses fitted on and the crossing L = −ln((ε − t)/k)/γ of the bound t.
     */
    public List<String> warnings() {
        double low = split.downstreamFit().stream().mapToDouble(ModelRun::loss).min().orElse(Double.NaN);
        double high = split.downstreamFit().stream().mapToDouble(ModelRun::loss).max().orElse(Double.NaN);
        List<String> warnings = new ArrayList<>();
        for (HeldOutPrediction prediction : predictions) {
            prediction.error().forEach((key, error) -> outOfRange(prediction.run().name(), key, "its predicted loss",
                    prediction.loss().predicted(), error.predicted(), downstreamFits.get(key).law(), low, high)
                    .ifPresent(warnings::add));
            prediction.errorAtObservedLoss().forEach((key, error) -> outOfRange(prediction.run().name(), key,
                    "its observed loss", prediction.run().loss(), error.predicted(), downstreamFits.get(key).law(),
                    low, high).ifPresent(warnings::add));
        }
        return warnings;
    }

    private static java.util.Optional<String> outOfRange(String run, String key, String from, double loss,
                                                         double error, DownstreamErrorLaw law, double low,
                                                         double high) {
        if (!(error < 0 || error > 1)) {
            return java.util.Optional.empty();
        }
        double bound = error < 0 ? 0 : 1;
        double crossing = -Math.log((law.epsilon() - bound) / law.k()) / law.gamma();
        return java.util.Optional.of(String.format(Locale.ROOT, "%s: the %s error predicted from %s %.4f is %.6f, "
                + "%s and outside [0, 1], where error rates lie: Err(L) = ε − k·e^(−γ·L) was fitted on losses %.4f "
                + "to %.4f%s, so this is an extrapolation beyond what the law describes, not an error rate", run, key,
                from, loss, error, error < 0 ? "below 0" : "above 1", low, high, Double.isFinite(crossing)
                ? String.format(Locale.ROOT, " and crosses %s at L = %.4f", error < 0 ? "0" : "1", crossing) : ""));
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
