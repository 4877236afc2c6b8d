/**
 * Width–depth prescriptions: applying a fitted law to choose a model's shape and token count for a FLOPs budget
 * (Gemstones, McLeish et al. 2025 §4.2: {@code approach_3_brute_force.py}, {@code approach_3_brute_force_optim.py},
 * {@code plot_feasible_model_shapes.ipynb}).
 *
 * <p>The flow, top to bottom: {@link org.scalefit.shapes.ShapeGrid} holds the axes of Gemstones' brute-force grid;
 * {@link org.scalefit.shapes.ShapeSearch} streams its rows, costs each with a
 * {@link org.scalefit.shapes.ShapeAccounting} (exact FLOPs per token, a {@link org.scalefit.shapes.ParameterCount}),
 * and keeps each law's least-loss row in every {@link org.scalefit.shapes.FlopBuckets bucket}
 * ({@link org.scalefit.shapes.BucketOptimum}); {@link org.scalefit.shapes.RelaxedShape} refines an optimum over
 * real-valued shapes at its FLOPs and rounds it to a buildable shape; {@link org.scalefit.shapes.OvertrainingParabola}
 * re-optimises the shape of such an optimum when its tokens are scaled (Gemstones' overtraining parabola,
 * {@code overtrained_single_parabola.py}). {@link org.scalefit.shapes.FeasibleShapes}
 * enumerates buildable shapes near target sizes. Pure numerics, no I/O.
 */
package org.scalefit.shapes;
