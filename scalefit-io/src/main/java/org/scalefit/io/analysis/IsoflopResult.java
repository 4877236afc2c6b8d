package org.scalefit.io.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.scalefit.io.IsoflopInputs;
import org.scalefit.io.IsoflopDocument;
import org.scalefit.io.IsoflopJson;
import org.scalefit.io.ScalefitVersion;
import org.scalefit.isoflop.BudgetOptimum;
import org.scalefit.isoflop.IsoflopFits;
import org.scalefit.isoflop.IsoflopSettings;

/**
 * An Approach-2 analysis made from an {@link IsoflopRequest}: the IsoFLOP points read, the settings used, the
 * per-budget optima (each with its issues) and, when at least two budgets have an optimum, the power laws
 * y = coef·C^exponent of N*, D* and ρ* with their bootstrap replicates.
 *
 * @param request  the request
 * @param inputs   the IsoFLOP points analysed
 * @param settings B, grid density, spread floor and the noise model used
 * @param optima   the per-budget analysis, in increasing C
 * @param fits     the fits, or null when fewer than two budgets have an optimum
 * @param failure  why there are no fits, or null when there are
 * @param threads  the worker threads used (recorded; the numbers do not depend on them)
 */
public record IsoflopResult(IsoflopRequest request, IsoflopInputs inputs, IsoflopSettings settings,
                            List<BudgetOptimum> optima, IsoflopFits fits, String failure, int threads) {

    public IsoflopResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(inputs, "inputs");
        Objects.requireNonNull(settings, "settings");
        optima = List.copyOf(optima);
        if ((fits == null) == (failure == null)) {
            throw new IllegalArgumentException("a result has either fits or the reason it has none");
        }
    }

    /** The power laws, if at least two budgets have an optimum. */
    public Optional<IsoflopFits> fitted() {
        return Optional.ofNullable(fits);
    }

    /** scalefit's IsoFLOP document. */
    public IsoflopDocument document() {
        return IsoflopDocument.of(inputs, new IsoflopJson.Run(settings, request.seed(),
                IsoflopRequest.streamName(request.stream()), threads), optima, fits, failure, request.allocate(),
                ScalefitVersion.current());
    }

    /** The CSV table: one row per budget, fitted law and allocation ({@link IsoflopJson#csv}). */
    public String csv() {
        return new IsoflopJson().csv(optima, fits, request.allocate());
    }
}
