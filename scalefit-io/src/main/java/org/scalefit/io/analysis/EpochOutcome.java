package org.scalefit.io.analysis;

import org.scalefit.io.EpochBootstrapDocument;
import org.scalefit.io.RunTiming;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.law.Allocation;
import org.scalefit.uncertainty.BootstrapResult;
import org.scalefit.uncertainty.HuberLikelihoodFit;
import org.scalefit.uncertainty.TestsAgainstReference;
import org.scalefit.uncertainty.TokensPerParameterPolicy;

/**
 * Epoch AI's analysis made from an {@link EpochRequest}: Fit B, the bootstrap, the tests against the reference law,
 * the policy band (null when not asked for) and the reference's trained model (null when it has none).
 *
 * @param request        the request
 * @param points         how many points were fitted
 * @param estimate       the Huber-likelihood estimate (Fit B)
 * @param bootstrap      the pairs bootstrap
 * @param tests          the tests against the reference law
 * @param policy         the tokens-per-parameter policy band, or null
 * @param referenceModel the reference's trained model, or null
 * @param run            threads and wall time
 */
public record EpochOutcome(EpochRequest request, int points, HuberLikelihoodFit estimate, BootstrapResult bootstrap,
                           TestsAgainstReference tests, TokensPerParameterPolicy policy, Allocation referenceModel,
                           RunTiming run) {

    /** The document; {@code draws} adds every replicate's parameters. */
    public EpochBootstrapDocument document(boolean draws) {
        return EpochBootstrapDocument.of(request.data().data(), request.start(), estimate, bootstrap, request.seed(),
                request.streamName(), run, draws, ScalefitVersion.current(), request.data().selectionLabels(),
                request.reference(), tests, policy,
                referenceModel);
    }
}
