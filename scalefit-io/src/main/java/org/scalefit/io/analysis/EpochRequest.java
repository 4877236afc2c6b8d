package org.scalefit.io.analysis;

import java.util.Objects;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.Identification;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.DataSource;
import org.scalefit.io.ReferenceLaws;
import org.scalefit.io.RunTiming;
import org.scalefit.law.Allocation;
import org.scalefit.law.LawForm;
import org.scalefit.parallel.Parallelism;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.PairsBootstrap;
import org.scalefit.uncertainty.ResamplingStream;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * Epoch AI's uncertainty analysis of a params/tokens law (Besiroglu et al. 2024; {@code scalefit bootstrap --data}):
 * the Huber-likelihood estimate with a fitted residual scale σ = e^s (their Fit B, {@link HuberLikelihoodFit}) and a
 * pairs bootstrap of the Huber-sum fit ({@link PairsBootstrap}), both from a single start at a reference law; the
 * tests of the estimate against a reference law ({@link TestsAgainstReference}); and the tokens-per-parameter policy
 * D/N = G⁻²(C/6)^(b−a) of draws from N(estimate, bootstrap covariance) ({@link TokensPerParameterPolicy}).
 *
 * @param data              the runs (params, tokens, loss)
 * @param dropHighestLosses drop the points at or above the N-th largest loss (Epoch drop 5)
 * @param delta             the Huber threshold of both objectives
 * @param start             the reference law every fit starts from ({@link ReferenceLaws})
 * @param reference         the reference law tested against and whose policy is compared
 * @param resamples         bootstrap replicates
 * @param seed              seed of the resampling and of the policy draws
 * @param stream            the resampling stream
 * @param streamName        its name, as documents record it
 * @param policyDraws       draws of the policy band (0: no policy)
 * @param policyCompute     the policy's budgets in FLOPs
 * @param policyCoverage    central coverage of the policy band, in percent
 */
public record EpochRequest(DataSource data, int dropHighestLosses, double delta, String start, String reference,
                           int resamples, long seed, ResamplingStream stream, String streamName, int policyDraws,
                           double[] policyCompute, double policyCoverage) {

    public EpochRequest {
        Objects.requireNonNull(data, "data");
        policyCompute = policyCompute.clone();
    }

    @Override
    public double[] policyCompute() {
        return policyCompute.clone();
    }

    /**
     * Reads the runs and runs the analysis on {@code parallelism}; the result depends on the seed only.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       for an unknown reference law or a negative number of policy draws
     * @throws IllegalStateException          if the runs cannot identify the law ({@link Prepared#identification()})
     */
    public EpochOutcome run(Parallelism parallelism) {
        return prepare().run(parallelism);
    }

    /**
     * Reads the runs (dropping the highest losses if asked) and decides whether they can identify the params/tokens
     * law by {@link Identification}'s rules under the default physical limits, as {@code scalefit fit} does before
     * any search: Fit B and the bootstrap start from one reference law, so on data that do not determine the law
     * they would stop wherever that start leaves the free directions and report it as an estimate.
     *
     * @throws org.scalefit.io.InputException if the data is bad
     * @throws IllegalArgumentException       for an unknown reference law or a negative number of policy draws
     */
    public Prepared prepare() {
        LawForm law = LawForm.CHINCHILLA;
        ReferenceLaws.chinchillaTheta(start);
        ReferenceLaws.chinchillaTheta(reference);
        if (policyDraws < 0) {
            throw new IllegalArgumentException("--policy-draws must be 0 or more, was " + policyDraws);
        }
        RunTable table = data.read(ColumnRequest.of("params", "tokens", "loss"));
        Observations allObservations = Observations.fromTable(table, law.inputs(), "loss");
        Observations observations = allObservations;
        if (dropHighestLosses > 0) {
            observations = observations.withoutHighestLosses(dropHighestLosses);
        }
        return new Prepared(this, allObservations, observations,
                Identification.of(law, observations, Identification.Limits.DEFAULTS));
    }

    /**
     * The runs of a request, read and checked.
     *
     * @param request         the request
     * @param allObservations every run read (the tests' residuals use them)
     * @param observations    the runs fitted (without the dropped highest losses)
     * @param identification  whether {@code observations} can identify the law; {@link #run} needs it to
     */
    public record Prepared(EpochRequest request, Observations allObservations, Observations observations,
                           Identification identification) {

        public Prepared {
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(allObservations, "allObservations");
            Objects.requireNonNull(observations, "observations");
            Objects.requireNonNull(identification, "identification");
        }

        /**
         * Runs the analysis on {@code parallelism}; the result depends on the seed only.
         *
         * @throws IllegalStateException if the runs cannot identify the law
         */
        public EpochOutcome run(Parallelism parallelism) {
            if (!identification.identified()) {
                throw new IllegalStateException("the data cannot identify the law: "
                        + String.join("; ", identification.failures()));
            }
            LawForm law = LawForm.CHINCHILLA;
            double[] theta0 = ReferenceLaws.chinchillaTheta(request.start());
            double[] referenceTheta = ReferenceLaws.chinchillaTheta(request.reference());
            long t0 = System.nanoTime();
            HuberLikelihoodFit estimate = HuberLikelihoodFit.maximise(law, observations, request.delta(), theta0);
            BootstrapResult bootstrap = new PairsBootstrap(law, request.delta(), theta0, request.resamples(),
                    request.seed(), request.stream(), PairsBootstrap.defaultSettings()).run(observations, parallelism);
            TestsAgainstReference tests = TestsAgainstReference.of(law, observations, allObservations,
                    request.delta(), estimate.theta(), referenceTheta, bootstrap);
            Allocation referenceModel = ReferenceLaws.trainedModel(request.reference()).orElse(null);
            TokensPerParameterPolicy policy = null;
            if (request.policyDraws() > 0) {
                TokensPerParameterPolicy.ReferencePolicy referencePolicy = ReferenceLaws
                        .paramsExponentInterval(request.reference())
                        .map(a -> TokensPerParameterPolicy.ReferencePolicy.of(referenceTheta, a[0], a[1]))
                        .orElseGet(() -> TokensPerParameterPolicy.ReferencePolicy.of(referenceTheta));
                policy = TokensPerParameterPolicy.band(estimate.theta(), bootstrap.covariance(), referencePolicy,
                        request.policyCompute(), request.policyDraws(), request.seed(), request.policyCoverage());
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new EpochOutcome(request, observations.size(), estimate, bootstrap, tests, policy,
                    referenceModel, new RunTiming(parallelism.threads(), seconds));
        }
    }

    /**
     * The policy table's budgets from {@code range}, {@code FROM:TO:STEP}: 10^x for x in np.arange(FROM, TO, STEP), as
     * Epoch's notebook builds them ({@code data_analysis.ipynb} cells 63–69).
     *
     * @throws IllegalArgumentException if {@code range} is not three numbers
     */
    public static double[] policyBudgets(String range) {
        String[] parts = range.split(":");
        if (parts.length != 3) {
            throw new IllegalArgumentException("--policy-compute must be FROM:TO:STEP (log10 of FLOPs), was " + range);
        }
        try {
            return TokensPerParameterPolicy.powersOfTen(Double.parseDouble(parts[0]), Double.parseDouble(parts[1]),
                    Double.parseDouble(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--policy-compute must be three numbers FROM:TO:STEP, was " + range);
        }
    }
}
