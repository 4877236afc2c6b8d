package org.scalefit.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.data.RunTable;
import org.scalefit.fit.DifferentiableObjective;
import org.scalefit.fit.HuberLogLossObjective;
import org.scalefit.fit.Lbfgs;
import org.scalefit.fit.LbfgsSettings;
import org.scalefit.fit.StartGrid;
import org.scalefit.io.ColumnRequest;
import org.scalefit.io.TableReader;
import org.scalefit.law.LawForm;

/**
 * Replays the points at which the engine evaluates the objective, with the current {@link HuberLogLossObjective} and
 * the {@link BaselineHuberObjective} of engine revision {@code verified-optimum-1}, back to back in one JVM:
 * <ol>
 *   <li>records every point evaluated by screening L-BFGS ({@link LbfgsSettings#screening()}) from every
 *       {@code every}-th start of Gemstones' grid;</li>
 *   <li>checks that both objectives give the same value and gradient at every recorded point, bit for bit;</li>
 *   <li>times one pass of objective-and-gradient evaluations over all recorded points, old and new alternating,
 *       and prints the minimum and median of the repetitions in ns per evaluation, with the thread's CPU time.</li>
 * </ol>
 *
 * <p>Run: {@code java -cp <classpath> org.scalefit.bench.EvaluationReplay DATA LAW DELTA [every] [repetitions]},
 * e.g. {@code gemstones:hot_100b+ width-depth 1e-3 997 30}.
 */
public final class EvaluationReplay {

    private EvaluationReplay() {
    }

    public static void main(String[] args) {
        String data = args[0];
        LawForm law = LawForm.named(args[1]);
        double delta = Double.parseDouble(args[2]);
        int every = args.length > 3 ? Integer.parseInt(args[3]) : 997;
        int repetitions = args.length > 4 ? Integer.parseInt(args[4]) : 30;
        List<String> columns = new ArrayList<>(law.inputs());
        columns.add("loss");
        RunTable table = new TableReader().read(data, ColumnRequest.of(columns.toArray(String[]::new)));
        Observations observations = Observations.fromTable(table, law.inputs(), "loss");
        HuberLogLossObjective current = HuberLogLossObjective.of(law, observations, delta);
        BaselineHuberObjective baseline = BaselineHuberObjective.of(law, observations, delta);
        int n = current.dimension();

        Recording recording = new Recording(current);
        StartGrid grid = StartGrid.gemstones(law.arity());
        Lbfgs lbfgs = new Lbfgs(n, LbfgsSettings.screening().withValueFloor(current.roundingLevel()));
        double[] x = new double[n];
        for (long start = 0; start < grid.size(); start += every) {
            grid.start(start, x);
            lbfgs.minimize(recording, x);
        }
        double[][] points = recording.points.toArray(double[][]::new);
        System.out.printf(Locale.ROOT, "%s %s δ=%s: %d points, %d recorded evaluations from %d starts%n", data,
                law.name(), args[2], current.points(), points.length, (grid.size() + every - 1) / every);

        long differences = 0;
        double[] g1 = new double[n];
        double[] g2 = new double[n];
        for (double[] p : points) {
            double f1 = baseline.valueAndGradient(p, g1);
            double f2 = current.valueAndGradient(p, g2);
            boolean same = Double.doubleToLongBits(f1) == Double.doubleToLongBits(f2);
            for (int i = 0; i < n; i++) {
                same &= Double.doubleToLongBits(g1[i]) == Double.doubleToLongBits(g2[i]);
            }
            if (!same) {
                if (differences < 5) {
                    System.out.printf(Locale.ROOT, "  differs at %s: %s %s vs %s %s%n", Arrays.toString(p), f1,
                            Arrays.toString(g1), f2, Arrays.toString(g2));
                }
                differences++;
            }
            double v1 = baseline.value(p);
            double v2 = current.value(p);
            if (Double.doubleToLongBits(v1) != Double.doubleToLongBits(v2)) {
                differences++;
            }
        }
        System.out.printf(Locale.ROOT, "bit-identical values and gradients: %s (%d differences)%n",
                differences == 0, differences);

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] oldNs = new double[repetitions];
        double[] newNs = new double[repetitions];
        double[] oldCpu = new double[repetitions];
        double[] newCpu = new double[repetitions];
        double sink = 0;
        for (int warm = 0; warm < 5; warm++) {
            sink += pass(baseline, points, g1) + pass(current, points, g2);
        }
        for (int r = 0; r < repetitions; r++) {
            DifferentiableObjective first = (r % 2 == 0) ? baseline : current;
            DifferentiableObjective second = (r % 2 == 0) ? current : baseline;
            for (DifferentiableObjective objective : new DifferentiableObjective[] {first, second}) {
                long cpu0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                sink += pass(objective, points, g1);
                long t1 = System.nanoTime();
                long cpu1 = threads.getCurrentThreadCpuTime();
                double ns = (t1 - t0) / (double) points.length;
                double cpu = (cpu1 - cpu0) / (double) points.length;
                if (objective == baseline) {
                    oldNs[r] = ns;
                    oldCpu[r] = cpu;
                } else {
                    newNs[r] = ns;
                    newCpu[r] = cpu;
                }
            }
        }
        Arrays.sort(oldNs);
        Arrays.sort(newNs);
        Arrays.sort(oldCpu);
        Arrays.sort(newCpu);
        System.out.printf(Locale.ROOT, "ns/evaluation wall min/median: old %.0f / %.0f, new %.0f / %.0f "
                        + "(new/old %.3f / %.3f); CPU min/median: old %.0f / %.0f, new %.0f / %.0f (sink %s)%n",
                oldNs[0], oldNs[repetitions / 2], newNs[0], newNs[repetitions / 2], newNs[0] / oldNs[0],
                newNs[repetitions / 2] / oldNs[repetitions / 2], oldCpu[0], oldCpu[repetitions / 2], newCpu[0],
                newCpu[repetitions / 2], sink != 0);
    }

    private static double pass(DifferentiableObjective objective, double[][] points, double[] gradient) {
        double sum = 0;
        for (double[] p : points) {
            sum += objective.valueAndGradient(p, gradient);
        }
        return sum;
    }

    /** The objective, keeping a copy of every point it is evaluated at. */
    private static final class Recording implements DifferentiableObjective {
        private final DifferentiableObjective objective;
        final List<double[]> points = new ArrayList<>();

        Recording(DifferentiableObjective objective) {
            this.objective = objective;
        }

        @Override
        public int dimension() {
            return objective.dimension();
        }

        @Override
        public double valueAndGradient(double[] x, double[] gradient) {
            points.add(x.clone());
            return objective.valueAndGradient(x, gradient);
        }

        @Override
        public double value(double[] x) {
            points.add(x.clone());
            return objective.value(x);
        }

        @Override
        public double roundingLevel() {
            return objective.roundingLevel();
        }

        @Override
        public DifferentiableObjective copy() {
            throw new UnsupportedOperationException();
        }
    }
}
