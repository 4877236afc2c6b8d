/**
 * Laws a researcher writes: a scaling law as text, parsed ({@link org.scalefit.law.expr.LawExpression}), compiled to
 * a flat tape with exact gradients by reverse-mode automatic differentiation, and fitted by the same multi-start
 * engine as the built-in laws ({@link org.scalefit.fit.MultiStartFitter}) — step "law + fit" of the design's flow;
 * pure numerics, no I/O.
 *
 * <pre>
 *   LawExpression text = LawExpression.parse("E + A/N^alpha + B/D^beta",
 *           List.of("N", "D"), List.of("E", "A", "B", "alpha", "beta"));
 *   ExpressionLaw law = ExpressionLaw.of("mine", text)
 *           .withColumn("N", "params").withColumn("D", "tokens")
 *           .withParameter(ParameterSpec.free("A").logScale().withStarts(1e2, 1e4, 1e6))
 *           .withParameter(ParameterSpec.free("beta").tiedTo("alpha"));
 *   ExpressionFit fit = ExpressionFitRequest.of(law, LawPoints.of(observations))
 *           .run(LocalParallelism.allCores(), FitProgress.silent());
 *   double loss = fit.predict(7e10, 1.4e12);
 * </pre>
 *
 * <p>The objective is F(θ) = Σ_i w_i·ρ(r_i) with log or raw residuals and a Huber, squared or over-estimate penalty
 * ({@link org.scalefit.law.expr.ExpressionObjective}); parameters may be fixed, tied, bounded (by a change of
 * variables) or on the log scale ({@link org.scalefit.law.expr.ParameterSpec}). The laws the studies fit are
 * written in the same language ({@link org.scalefit.law.expr.NamedLaws}).
 */
package org.scalefit.law.expr;
