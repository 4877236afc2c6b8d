package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * The Approach-3 fitting objective: the sum over points of the Huber loss of the log-loss residual,
 * <pre>
 *   F(θ) = Σ_i huber_δ(log L_i − log L̂_θ(x_i)),
 *   huber_δ(r) = r²/2 if |r| ≤ δ, else δ·(|r| − δ/2)          (scipy.special.huber)
 * </pre>
 * with log L̂ the {@link LawForm} log-sum-exp power law (Hoffmann et al. 2022 §D.2; Besiroglu et al. 2024 eq. 1;
 * Gemstones {@code huber_loss_objective}). The sum is not divided by the number of points, as in the studies.
 *
 * <p>The gradient is analytic: with w<sub>ij</sub> the softmax weight of term j at point i and
 * ψ(r) = clamp(r, −δ, δ),
 * ∂F/∂c<sub>j</sub> = −Σ ψ(r_i)·w_ij, ∂F/∂α<sub>j</sub> = Σ ψ(r_i)·w_ij·log x_ij, ∂F/∂e = −Σ ψ(r_i)·w_i,e.
 *
 * <p>How it is computed: a term exp(c_j − α_j·log x_ij) depends on point i only through the value of input j, and
 * training-run tables repeat those values (22 model shapes, 35 checkpoints: 770 points but about 80 distinct input
 * values). So each evaluation exponentiates once per distinct value of each input, all shifted by the largest
 * exponent M for stability; a point then costs one logarithm, log L̂_i = M + log(Σ_j P_j[x_ij] + e^{e−M}), and
 * the gradient is gathered per distinct value from the points that take it. The Huber term is computed without a
 * branch as ψ(r)·(r − ψ(r)/2), which equals both of its pieces; logarithms and exponentials are {@link TableLogExp}'s.
 * A point whose shifted sum underflows is evaluated with its own shift instead, so the value is exact (to rounding)
 * for any finite θ.
 *
 * <p>The Hessian ({@link #valueGradientHessian}) is analytic too. With J_i = ∇_θ log L̂_i (entries w_ij for c_j,
 * −w_ij·log x_ij for α_j, w_i,e for e) and u_ij = c_j − α_j·log x_ij the log-sum-exp's arguments (u_i,e = e), the
 * softmax has ∇²_u log L̂_i = diag(w_i) − w_i w_iᵀ, so with A_i = ∂u_i/∂θ and r_i = log L_i − log L̂_i,
 * <pre>
 *   ∇²F = Σ_i huber''_δ(r_i)·J_i J_iᵀ + ψ(r_i)·∇²r_i
 *       = Σ_i (huber''_δ(r_i) + ψ(r_i))·J_i J_iᵀ − ψ(r_i)·A_iᵀ diag(w_i) A_i,     huber''_δ(r) = [|r| ≤ δ],
 * </pre>
 * the exact Hessian of the robust least-squares sum (Nocedal &amp; Wright, <i>Numerical Optimization</i>, 2nd ed.,
 * eq. 10.5, with the Huber function as the outer loss). The second sum is block-diagonal (one 2×2 block per term,
 * w_ij·[[ℓ², −ℓ], [−ℓ, 1]] with ℓ = log x_ij, and w_i,e for e) and is gathered per distinct input value like the
 * gradient; the first costs n(n+1)/2 multiply-adds per point.
 *
 * <p>A bootstrap resample is the same sum with each point counted by its multiplicity, see {@link #resampled(int[])}.
 *
 * <p>Keeps scratch space: one instance per thread, see {@link #copy()}.
 */
public final class HuberLogLossObjective implements TwiceDifferentiableObjective {

    /** Below this, a point's shifted sum has lost precision to underflow and is recomputed with its own shift. */
    private static final double UNDERFLOW_GUARD = 1e-250;

    private final int arity;
    private final int points;
    private final double delta;
    /** distinctLogs[offset[j] + v]: the v-th distinct value of log x_j. */
    private final double[] distinctLogs;
    /** offsets[j]: where input j's distinct values start in distinctLogs; offsets[k] = total. */
    private final int[] offsets;
    /** valueIndex[j·n + i]: offsets[j] + the index of x_ij among input j's distinct values (input by input). */
    private final int[] valueIndex;
    private final double[] logLosses;
    /** The multiplicity of each point in the sum (all 1 unless made by {@link #resampled(int[])}). */
    private final double[] weights;
    private final double smallestLogLoss;
    /** How far below the smallest log-loss a term must stay to be negligible: e^−30 ≈ 10⁻¹³. */
    private static final double NEGLIGIBLE_LOG = 30;
    /**
     * ln 10⁴: a term below 10⁻⁴ of the prediction everywhere is not distinguishable ({@link #distinguishable}) —
     * below the noise of any measured loss, and the compute-optimal allocation does not depend on the floor at all.
     */
    private static final double INDISTINGUISHABLE_LOG = 9.210340371976184;
    // scratch, per instance
    private final double[] exponent;
    private final double[] power;
    /** pointsWithValue[pointsStart[v] .. pointsStart[v+1]): the points whose input takes distinct value v. */
    private final int[] pointsStart;
    private final int[] pointsWithValue;
    /** Per point: first Σ_j e^{u_ij − M}, then ψ(r_i) / Σ_j e^{u_ij − M}, the factor its terms' softmax weights enter the gradient with. */
    private final double[] pointWeight;
    /** Per point: log Σ_j e^{u_ij − M}. */
    private final double[] pointLog;
    /** The shift M and the floor's shifted term e^{e−M} of the last evaluation, for {@link #valueGradientHessian}. */
    private double lastShift;
    private double lastFloor;
    /** Scratch for one point's J_i in {@link #valueGradientHessian}. */
    private final double[] pointJacobian;
    /**
     * The distinct tuples of the first k − 1 inputs ("prefixes"), when they repeat enough to be worth summing once:
     * prefixValues[j·prefixes + p] is the value index of input j in prefix p, prefixOfPoint[i] the prefix of point
     * i; {@code prefixes} is 0 (and the arrays empty) when the points are summed input by input instead.
     */
    private final int prefixes;
    private final int[] prefixValues;
    private final int[] prefixOfPoint;
    /** Scratch: per prefix, e^{e−M} + Σ_{j<k−1} P_j, summed in the order of the per-point sum. */
    private final double[] prefixSum;
    /** Scratch: per point, its weighted Huber term, summed in point order after a loop without dependencies. */
    private final double[] huberTerm;
    /** Scratch for {@link TableLogExp#logsOfNormals}. */
    private final double[] logScratch;
    /** Scratch for {@link TableLogExp#expsShifted}: three arrays as long as the distinct values. */
    private final double[][] expScratch;
    /** Scratch for {@link #firstInputGradientAndSums}: gAlpha, gC, f, Σ pointWeight, and 1 while unread. */
    private final double[] fusedSums = new double[5];

    private HuberLogLossObjective(int arity, double delta, double[] distinctLogs, int[] offsets, int[] valueIndex,
                                  double[] logLosses, double[] weights) {
        this.arity = arity;
        this.points = logLosses.length;
        this.delta = delta;
        this.distinctLogs = distinctLogs;
        this.offsets = offsets;
        this.valueIndex = valueIndex;
        this.logLosses = logLosses;
        this.weights = weights;
        this.smallestLogLoss = Arrays.stream(logLosses).min().orElse(0);
        this.exponent = new double[distinctLogs.length];
        this.power = new double[distinctLogs.length];
        this.pointWeight = new double[points];
        this.pointLog = new double[points];
        this.pointJacobian = new double[2 * arity + 1];
        this.pointsStart = new int[distinctLogs.length + 1];
        for (int value : valueIndex) {
            pointsStart[value + 1]++;
        }
        for (int v = 0; v < distinctLogs.length; v++) {
            pointsStart[v + 1] += pointsStart[v];
        }
        this.pointsWithValue = new int[valueIndex.length];
        int[] next = Arrays.copyOf(pointsStart, distinctLogs.length);
        for (int t = 0; t < valueIndex.length; t++) {
            pointsWithValue[next[valueIndex[t]]++] = t % points;
        }
        // Distinct tuples of the first k − 1 inputs, numbered in order of first appearance.
        Map<List<Integer>, Integer> tuples = new HashMap<>();
        int[] ofPoint = new int[points];
        List<int[]> tupleValues = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            Integer[] tuple = new Integer[arity - 1];
            for (int j = 0; j < arity - 1; j++) {
                tuple[j] = valueIndex[j * points + i];
            }
            Integer known = tuples.putIfAbsent(List.of(tuple), tuples.size());
            if (known == null) {
                int[] values = new int[arity - 1];
                for (int j = 0; j < arity - 1; j++) {
                    values[j] = tuple[j];
                }
                tupleValues.add(values);
                ofPoint[i] = tuples.size() - 1;
            } else {
                ofPoint[i] = known;
            }
        }
        if (2 * tupleValues.size() <= points) {
            this.prefixes = tupleValues.size();
            this.prefixOfPoint = ofPoint;
            this.prefixValues = new int[(arity - 1) * prefixes];
            for (int p = 0; p < prefixes; p++) {
                for (int j = 0; j < arity - 1; j++) {
                    prefixValues[j * prefixes + p] = tupleValues.get(p)[j];
                }
            }
        } else {
            this.prefixes = 0;
            this.prefixOfPoint = new int[0];
            this.prefixValues = new int[0];
        }
        this.prefixSum = new double[prefixes];
        this.huberTerm = new double[points];
        this.logScratch = new double[points];
        this.expScratch = new double[3][distinctLogs.length];
    }

    /** Another instance on the same immutable data, with its own scratch space. */
    private HuberLogLossObjective(HuberLogLossObjective shared) {
        this.arity = shared.arity;
        this.points = shared.points;
        this.delta = shared.delta;
        this.distinctLogs = shared.distinctLogs;
        this.offsets = shared.offsets;
        this.valueIndex = shared.valueIndex;
        this.logLosses = shared.logLosses;
        this.weights = shared.weights;
        this.smallestLogLoss = shared.smallestLogLoss;
        this.pointsStart = shared.pointsStart;
        this.pointsWithValue = shared.pointsWithValue;
        this.prefixes = shared.prefixes;
        this.prefixValues = shared.prefixValues;
        this.prefixOfPoint = shared.prefixOfPoint;
        this.exponent = new double[distinctLogs.length];
        this.power = new double[distinctLogs.length];
        this.pointWeight = new double[points];
        this.pointLog = new double[points];
        this.pointJacobian = new double[2 * arity + 1];
        this.prefixSum = new double[prefixes];
        this.huberTerm = new double[points];
        this.logScratch = new double[points];
        this.expScratch = new double[3][distinctLogs.length];
    }

    /**
     * The objective of {@code law} on {@code observations} with Huber threshold {@code delta}.
     *
     * @throws IllegalArgumentException if the observations' inputs do not match the law's, or δ ≤ 0
     */
    public static HuberLogLossObjective of(LawForm law, Observations observations, double delta) {
        requireFittable(law, observations, delta);
        int k = law.arity();
        int n = observations.size();
        int[] offsets = new int[k + 1];
        int[] valueIndex = new int[n * k];
        double[][] distinct = new double[k][];
        for (int j = 0; j < k; j++) {
            TreeMap<Double, Integer> values = new TreeMap<>();
            for (int i = 0; i < n; i++) {
                values.put(observations.input(i, j), 0);
            }
            int next = 0;
            distinct[j] = new double[values.size()];
            for (var entry : values.entrySet()) {
                distinct[j][next] = Math.log(entry.getKey());
                entry.setValue(next++);
            }
            offsets[j + 1] = offsets[j] + values.size();
            for (int i = 0; i < n; i++) {
                valueIndex[j * n + i] = offsets[j] + values.get(observations.input(i, j));
            }
        }
        double[] distinctLogs = new double[offsets[k]];
        for (int j = 0; j < k; j++) {
            System.arraycopy(distinct[j], 0, distinctLogs, offsets[j], distinct[j].length);
        }
        double[] logLosses = new double[n];
        for (int i = 0; i < n; i++) {
            logLosses[i] = Math.log(observations.loss(i));
        }
        double[] ones = new double[n];
        Arrays.fill(ones, 1.0);
        return new HuberLogLossObjective(k, delta, distinctLogs, offsets, valueIndex, logLosses, ones);
    }

    /**
     * Checks what every Huber objective of a law on observations needs: δ positive and finite, the law's inputs
     * those of the data, at least one point.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static void requireFittable(LawForm law, Observations observations, double delta) {
        if (!(delta > 0) || Double.isInfinite(delta)) {
            throw new IllegalArgumentException("Huber delta must be positive and finite, was " + delta);
        }
        if (observations.arity() != law.arity()) {
            throw new IllegalArgumentException("law " + law.name() + " has " + law.arity() + " inputs but the data has "
                    + observations.arity());
        }
        if (observations.size() == 0) {
            throw new IllegalArgumentException("no points to fit");
        }
    }

    /**
     * The objective of a resample of these points: Σ_i counts[i]·huber_δ(r_i), i.e. point i taken counts[i] times
     * (a bootstrap resample with replacement as multiplicities). Points with count 0 are left out, so an evaluation
     * costs as many points as the resample has distinct ones; built in time linear in the points, without re-sorting.
     *
     * @throws IllegalArgumentException if counts has the wrong length, a negative entry, or no positive entry
     */
    public HuberLogLossObjective resampled(int[] counts) {
        if (counts.length != points) {
            throw new IllegalArgumentException(counts.length + " counts for " + points + " points");
        }
        int kept = 0;
        for (int count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("negative count " + count);
            }
            kept += count > 0 ? 1 : 0;
        }
        if (kept == 0) {
            throw new IllegalArgumentException("no points to fit");
        }
        int[] rows = new int[kept];
        for (int i = 0, t = 0; i < points; i++) {
            if (counts[i] > 0) {
                rows[t++] = i;
            }
        }
        // New index of each distinct value still used, in the same (ascending) order per input.
        int[] renumber = new int[distinctLogs.length];
        Arrays.fill(renumber, -1);
        for (int j = 0; j < arity; j++) {
            for (int row : rows) {
                renumber[valueIndex[j * points + row]] = 0;
            }
        }
        int[] newOffsets = new int[arity + 1];
        int next = 0;
        for (int j = 0; j < arity; j++) {
            newOffsets[j] = next;
            for (int v = offsets[j]; v < offsets[j + 1]; v++) {
                if (renumber[v] == 0) {
                    renumber[v] = next++;
                }
            }
        }
        newOffsets[arity] = next;
        double[] newLogs = new double[next];
        for (int v = 0; v < distinctLogs.length; v++) {
            if (renumber[v] >= 0) {
                newLogs[renumber[v]] = distinctLogs[v];
            }
        }
        int[] newIndex = new int[kept * arity];
        double[] newLosses = new double[kept];
        double[] newWeights = new double[kept];
        for (int t = 0; t < kept; t++) {
            int row = rows[t];
            for (int j = 0; j < arity; j++) {
                newIndex[j * kept + t] = renumber[valueIndex[j * points + row]];
            }
            newLosses[t] = logLosses[row];
            newWeights[t] = weights[row] * counts[row];
        }
        return new HuberLogLossObjective(arity, delta, newLogs, newOffsets, newIndex, newLosses, newWeights);
    }

    /** The Huber threshold δ. */
    public double delta() {
        return delta;
    }

    /** Number of points summed over. */
    public int points() {
        return points;
    }

    @Override
    public int dimension() {
        return 2 * arity + 1;
    }

    /**
     * A term exp(c_j − α_j·log x_j), or the floor e^e, is negligible when at every point it stays below
     * e^−{@value #NEGLIGIBLE_LOG} times the smallest observed loss or times another term there; its parameters are
     * then reported as NaN. Both bounds use only the extreme values of each input (a term is monotone in its input).
     */
    @Override
    public void identifiable(double[] theta, double[] out) {
        withoutTermsBelow(theta, out, NEGLIGIBLE_LOG);
    }

    /**
     * As {@link #identifiable}, with terms below e^−{@value #INDISTINGUISHABLE_LOG} (10⁻⁴) of the smallest loss or of
     * another term at every point reported as NaN: they move no prediction by more than 10⁻⁴ of itself.
     */
    @Override
    public void distinguishable(double[] theta, double[] out) {
        withoutTermsBelow(theta, out, INDISTINGUISHABLE_LOG);
    }

    private void withoutTermsBelow(double[] theta, double[] out, double negligibleLog) {
        System.arraycopy(theta, 0, out, 0, theta.length);
        int k = arity;
        double e = theta[2 * k];
        double dominant = Math.max(smallestLogLoss, e);
        for (int j = 0; j < k; j++) {
            dominant = Math.max(dominant, Math.min(termAtLowest(theta, j), termAtHighest(theta, j)));
        }
        double threshold = dominant - negligibleLog;
        for (int j = 0; j < k; j++) {
            if (Math.max(termAtLowest(theta, j), termAtHighest(theta, j)) < threshold) {
                out[j] = Double.NaN;
                out[k + j] = Double.NaN;
            }
        }
        if (e < threshold) {
            out[2 * k] = Double.NaN;
        }
    }

    /** log of term j at the smallest value of input j. */
    private double termAtLowest(double[] theta, int j) {
        return theta[arity + j] - theta[j] * distinctLogs[offsets[j]];
    }

    /** log of term j at the largest value of input j. */
    private double termAtHighest(double[] theta, int j) {
        return theta[arity + j] - theta[j] * distinctLogs[offsets[j + 1] - 1];
    }

    /**
     * Σ_i w_i·δ·64ε·max(1, |log L_i|): each residual r_i = log L_i − log L̂_i carries a rounding error of a few ulps of
     * the log-loss (table logarithms included), and moves its Huber term by at most |ψ(r_i)| ≤ δ times that; 64ε
     * leaves a wide margin over the few ulps.
     */
    @Override
    public double roundingLevel() {
        double sum = 0;
        for (int i = 0; i < points; i++) {
            sum += weights[i] * Math.max(1, Math.abs(logLosses[i]));
        }
        return 64 * Math.ulp(1.0) * delta * sum;
    }

    /** Σ_i w_i·ρ_δ(64ε·max(1, |log L_i|)) ({@link EquallyGood#exactFitLevel} of log residuals). */
    @Override
    public double exactFitLevel() {
        double[] losses = new double[points];
        for (int i = 0; i < points; i++) {
            losses[i] = Math.exp(logLosses[i]);
        }
        return EquallyGood.exactFitLevel(losses, Arrays.copyOf(weights, points), true,
                u -> EquallyGood.huber(delta, u));
    }

    @Override
    public DifferentiableObjective copy() {
        return new HuberLogLossObjective(this);
    }

    @Override
    public double value(double[] theta) {
        return evaluate(theta, null);
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        return evaluate(theta, gradient);
    }

    private double evaluate(double[] theta, double[] gradient) {
        final int k = arity;
        final double e = theta[2 * k];
        double shift = e;
        for (int j = 0; j < k; j++) {
            double alpha = theta[j];
            double c = theta[k + j];
            for (int v = offsets[j]; v < offsets[j + 1]; v++) {
                double u = c - alpha * distinctLogs[v];
                exponent[v] = u;
                shift = Math.max(shift, u);
            }
        }
        if (!Double.isFinite(shift)) {
            if (gradient != null) {
                Arrays.fill(gradient, Double.NaN);
            }
            return Double.NaN;
        }
        TableLogExp.expsShifted(exponent, shift, power, expScratch[0], expScratch[1], expScratch[2], power.length);
        final double floor = TableLogExp.exp(e - shift);
        lastShift = shift;
        lastFloor = floor;
        final boolean wantGradient = gradient != null;
        if (wantGradient) {
            Arrays.fill(gradient, 0.0);
        }
        // Short passes over the points, each without a dependency between its iterations except the last.
        sumTerms(floor);
        double f = 0;
        double floorWeight = 0;
        if (!anyUnderflow(floor)) {
            // Every s_i lies in [UNDERFLOW_GUARD, k + 1]: normal, so the logarithms need no range check.
            TableLogExp.logsOfNormals(pointWeight, pointLog, huberTerm, logScratch, points);
            // The Huber terms and gradient weights of all points (a loop the JIT vectorises: no branch, no
            // dependency between points), then f and Σ_i ψ_i/s_i summed in point order, as the loop below does.
            final double[] terms = huberTerm;
            final double[] weight = pointWeight;
            for (int i = 0; i < points; i++) {
                double r = logLosses[i] - (shift + pointLog[i]);
                double psi = Math.min(delta, Math.max(-delta, r));
                double w = weights[i];
                terms[i] = w * (psi * (r - 0.5 * psi));
                weight[i] = (w * psi) / weight[i];
            }
            if (wantGradient) {
                // The sums in point order ride along with the gather of the first input's gradient: a chain of
                // dependent additions next to independent loads, instead of a loop of its own.
                firstInputGradientAndSums();
                f = fusedSums[2];
                floorWeight = fusedSums[3];
            } else {
                for (int i = 0; i < points; i++) {
                    f += terms[i];
                    floorWeight += weight[i];
                }
            }
        } else {
            for (int i = 0; i < points; i++) {
                pointLog[i] = TableLogExp.log(pointWeight[i]);
            }
            // The floor's gradient weight Σ_i pointWeight[i] is summed in the same pass as f, in the same order as
            // a separate pass would.
            for (int i = 0; i < points; i++) {
                double s = pointWeight[i];
                if (s < UNDERFLOW_GUARD) {
                    f += evaluateWithOwnShift(theta, i, gradient);
                    pointWeight[i] = 0;
                    continue;
                }
                double r = logLosses[i] - (shift + pointLog[i]);
                double psi = r > delta ? delta : (r < -delta ? -delta : r);
                double w = weights[i];
                f += w * (psi * (r - 0.5 * psi));
                double pw = (w * psi) / s;
                pointWeight[i] = pw;
                floorWeight += pw;
            }
        }
        if (wantGradient) {
            boolean fused = fusedSums[4] != 0;
            fusedSums[4] = 0;
            for (int j = 0; j < k; j++) {
                if (j == 0 && fused) {
                    gradient[0] += fusedSums[0];
                    gradient[k] += fusedSums[1];
                    continue;
                }
                double gAlpha = 0;
                double gC = 0;
                for (int v = offsets[j]; v < offsets[j + 1]; v++) {
                    double w = sumOfPointWeights(pointsStart[v], pointsStart[v + 1]) * power[v];
                    gC -= w;
                    gAlpha += w * distinctLogs[v];
                }
                gradient[j] += gAlpha;
                gradient[k + j] += gC;
            }
            gradient[2 * k] -= floorWeight * floor;
        }
        return f;
    }

    /**
     * pointWeight[i] = s_i = e^{e−M} + Σ_j P_j[x_ij], added in that order (floor first, then input by input). With
     * prefixes, the sum over the first k − 1 inputs is made once per distinct prefix and the last input's term added
     * per point: the same additions in the same order, so the same s_i bit for bit.
     */
    private void sumTerms(double floor) {
        final int k = arity;
        if (prefixes > 0) {
            for (int p = 0; p < prefixes; p++) {
                double s = floor;
                for (int j = 0, b = 0; j < k - 1; j++, b += prefixes) {
                    s += power[prefixValues[b + p]];
                }
                prefixSum[p] = s;
            }
            for (int i = 0, b = (k - 1) * points; i < points; i++) {
                pointWeight[i] = prefixSum[prefixOfPoint[i]] + power[valueIndex[b + i]];
            }
            return;
        }
        for (int i = 0; i < points; i++) {
            pointWeight[i] = floor + power[valueIndex[i]];
        }
        for (int j = 1, b = points; j < k; j++, b += points) {
            for (int i = 0; i < points; i++) {
                pointWeight[i] += power[valueIndex[b + i]];
            }
        }
    }

    /**
     * Whether some point's sum s_i (in pointWeight) is below {@link #UNDERFLOW_GUARD}. Each s_i is a sum of
     * non-negative terms that starts with the floor and ends with the last input's term, and rounding is monotone,
     * so s_i ≥ both: the answer is no, without looking at the points, when the floor or every term of the last
     * input is at least the guard.
     */
    private boolean anyUnderflow(double floor) {
        if (floor >= UNDERFLOW_GUARD) {
            return false;
        }
        double smallestLast = Double.POSITIVE_INFINITY;
        for (int v = offsets[arity - 1]; v < offsets[arity]; v++) {
            smallestLast = Math.min(smallestLast, power[v]);
        }
        if (smallestLast >= UNDERFLOW_GUARD) {
            return false;
        }
        for (int i = 0; i < points; i++) {
            if (pointWeight[i] < UNDERFLOW_GUARD) {
                return true;
            }
        }
        return false;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The value and gradient are those of {@link #valueAndGradient} (bit for bit); the Hessian is the exact one
     * of the class comment, with huber''_δ(r) = 1 for |r| ≤ δ.
     */
    @Override
    public double valueGradientHessian(double[] theta, double[] gradient, double[] hessian) {
        double f = evaluate(theta, gradient);
        int n = 2 * arity + 1;
        Arrays.fill(hessian, 0, n * n, 0.0);
        if (!Double.isFinite(f)) {
            return f;
        }
        final int k = arity;
        final double shift = lastShift;
        final double floor = lastFloor;
        final double[] jac = pointJacobian;
        // After evaluate: pointLog[i] = log s_i, pointWeight[i] = w_i·ψ(r_i)/s_i (0 where the shift underflowed).
        double floorWeight = 0;
        for (int i = 0; i < points; i++) {
            double s = floor;
            for (int j = 0, b = 0; j < k; j++, b += points) {
                s += power[valueIndex[b + i]];
            }
            if (s < UNDERFLOW_GUARD) {
                ownShiftHessian(theta, i, hessian);
                continue;
            }
            floorWeight += pointWeight[i];
            double r = logLosses[i] - (shift + pointLog[i]);
            double psi = r > delta ? delta : (r < -delta ? -delta : r);
            double curvature = (Math.abs(r) <= delta ? 1.0 : 0.0) + psi;
            double kappa = weights[i] * curvature;
            if (kappa == 0) {
                continue;
            }
            double inverse = 1.0 / s;
            for (int j = 0, b = 0; j < k; j++, b += points) {
                int v = valueIndex[b + i];
                double w = power[v] * inverse;
                jac[j] = -w * distinctLogs[v];
                jac[k + j] = w;
            }
            jac[2 * k] = floor * inverse;
            addOuter(hessian, n, kappa, jac);
        }
        // −Σ_i ψ_i·A_iᵀ diag(w_i) A_i, gathered per distinct value: Σ_{i at v} w_i ψ_i w_iv = power[v]·Σ pointWeight.
        for (int j = 0; j < k; j++) {
            double hAA = 0;
            double hAC = 0;
            double hCC = 0;
            for (int v = offsets[j]; v < offsets[j + 1]; v++) {
                double w = sumOfPointWeights(pointsStart[v], pointsStart[v + 1]) * power[v];
                double l = distinctLogs[v];
                hCC -= w;
                hAC += w * l;
                hAA -= w * l * l;
            }
            hessian[j * n + j] += hAA;
            hessian[j * n + k + j] += hAC;
            hessian[(k + j) * n + j] += hAC;
            hessian[(k + j) * n + k + j] += hCC;
        }
        hessian[2 * k * n + 2 * k] -= floorWeight * floor;
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                hessian[b * n + a] = hessian[a * n + b];
            }
        }
        return f;
    }

    /** hessian += kappa·v vᵀ, upper triangle only (the lower one is mirrored at the end). */
    private static void addOuter(double[] hessian, int n, double kappa, double[] v) {
        for (int a = 0; a < n; a++) {
            double ka = kappa * v[a];
            int row = a * n;
            for (int b = a; b < n; b++) {
                hessian[row + b] += ka * v[b];
            }
        }
    }

    /** Point i's whole Hessian term with its own shift (where the global shift underflows). */
    private void ownShiftHessian(double[] theta, int i, double[] hessian) {
        final int k = arity;
        final int n = 2 * k + 1;
        final double e = theta[2 * k];
        double m = ownShift(e, i);
        double s = ownShiftedSum(e, i, m);
        double r = logLosses[i] - (m + Math.log(s));
        double psi = r > delta ? delta : (r < -delta ? -delta : r);
        double[] jac = pointJacobian;
        for (int j = 0; j < k; j++) {
            int v = valueIndex[j * points + i];
            double w = Math.exp(exponent[v] - m) / s;
            double l = distinctLogs[v];
            jac[j] = -w * l;
            jac[k + j] = w;
            double wp = weights[i] * psi * w;
            hessian[j * n + j] -= wp * l * l;
            hessian[j * n + k + j] += wp * l;
            hessian[(k + j) * n + j] += wp * l;
            hessian[(k + j) * n + k + j] -= wp;
        }
        double we = Math.exp(e - m) / s;
        jac[2 * k] = we;
        hessian[2 * k * n + 2 * k] -= weights[i] * psi * we;
        addOuter(hessian, n, weights[i] * ((Math.abs(r) <= delta ? 1.0 : 0.0) + psi), jac);
    }

    /**
     * The first input's two gradient sums, gathered per distinct value exactly as {@link #sumOfPointWeights} does,
     * and in the same loop f = Σ_i huberTerm[i] and Σ_i pointWeight[i] in point order (the first input's entries of
     * pointsWithValue are its n positions t = 0 … n − 1, visited in order). Writes gAlpha, gC, f, Σ pointWeight and a
     * flag 1 into fusedSums: the same values, bit for bit, as the separate loops.
     */
    private void firstInputGradientAndSums() {
        final double[] terms = huberTerm;
        final double[] weight = pointWeight;
        final int[] at = pointsWithValue;
        double f = 0;
        double floorWeight = 0;
        double gAlpha = 0;
        double gC = 0;
        for (int v = offsets[0]; v < offsets[1]; v++) {
            int t = pointsStart[v];
            int to = pointsStart[v + 1];
            double s0 = 0;
            double s1 = 0;
            double s2 = 0;
            double s3 = 0;
            for (; t + 3 < to; t += 4) {
                s0 += weight[at[t]];
                s1 += weight[at[t + 1]];
                s2 += weight[at[t + 2]];
                s3 += weight[at[t + 3]];
                f += terms[t];
                floorWeight += weight[t];
                f += terms[t + 1];
                floorWeight += weight[t + 1];
                f += terms[t + 2];
                floorWeight += weight[t + 2];
                f += terms[t + 3];
                floorWeight += weight[t + 3];
            }
            for (; t < to; t++) {
                s0 += weight[at[t]];
                f += terms[t];
                floorWeight += weight[t];
            }
            double w = ((s0 + s1) + (s2 + s3)) * power[v];
            gC -= w;
            gAlpha += w * distinctLogs[v];
        }
        fusedSums[0] = gAlpha;
        fusedSums[1] = gC;
        fusedSums[2] = f;
        fusedSums[3] = floorWeight;
        fusedSums[4] = 1;
    }

    /** Σ pointWeight[pointsWithValue[t]] for t in [from, to), in four independent partial sums. */
    private double sumOfPointWeights(int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int t = from;
        for (; t + 3 < to; t += 4) {
            s0 += pointWeight[pointsWithValue[t]];
            s1 += pointWeight[pointsWithValue[t + 1]];
            s2 += pointWeight[pointsWithValue[t + 2]];
            s3 += pointWeight[pointsWithValue[t + 3]];
        }
        for (; t < to; t++) {
            s0 += pointWeight[pointsWithValue[t]];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** Point i's own log-sum-exp shift m_i = max(e, a_1i, …, a_ki) over its exponents, e = theta[2k]. */
    private double ownShift(double e, int i) {
        double m = e;
        for (int j = 0; j < arity; j++) {
            m = Math.max(m, exponent[valueIndex[j * points + i]]);
        }
        return m;
    }

    /** Σ of point i's exponentials shifted by m: exp(e − m) + Σ_j exp(a_ji − m), in that order. */
    private double ownShiftedSum(double e, int i, double m) {
        double s = Math.exp(e - m);
        for (int j = 0; j < arity; j++) {
            s += Math.exp(exponent[valueIndex[j * points + i]] - m);
        }
        return s;
    }

    /**
     * Point i's Huber term with the log-sum-exp shifted by the point's own largest exponent; adds its gradient.
     * Used only where the global shift underflows.
     */
    private double evaluateWithOwnShift(double[] theta, int i, double[] gradient) {
        final int k = arity;
        final double e = theta[2 * k];
        double m = ownShift(e, i);
        double s = ownShiftedSum(e, i, m);
        double r = logLosses[i] - (m + Math.log(s));
        double magnitude = Math.abs(r);
        if (gradient != null) {
            double psi = weights[i] * (magnitude <= delta ? r : (r > 0 ? delta : -delta));
            for (int j = 0; j < k; j++) {
                int v = valueIndex[j * points + i];
                double w = psi * Math.exp(exponent[v] - m) / s;
                gradient[k + j] -= w;
                gradient[j] += w * distinctLogs[v];
            }
            gradient[2 * k] -= psi * Math.exp(e - m) / s;
        }
        return weights[i] * (magnitude <= delta ? 0.5 * r * r : delta * (magnitude - 0.5 * delta));
    }
}
