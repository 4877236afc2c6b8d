package org.scalefit.fit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.scalefit.data.Observations;
import org.scalefit.law.LawForm;

/**
 * The points a fitted law misses by far: log residuals r<sub>i</sub> = ln L<sub>i</sub> − ln L̂(x<sub>i</sub>), the
 * largest |r<sub>i</sub>|, and the points with |r<sub>i</sub>| &gt; {@value #FAR_RESIDUAL} (a loss more than ≈ 10 %
 * off the law). A diverged or mislabelled run sits there, and the Huber objective, which bounds its pull on the fit,
 * would otherwise keep it out of sight. The rule of the fit's warnings ({@link LawFit}) and of the report's residual
 * facts.
 *
 * @param residuals r<sub>i</sub> per point, in the observations' order
 * @param largest   the point of largest |r<sub>i</sub>| (the first of equals; -1 without points)
 * @param far       the points with |r<sub>i</sub>| &gt; {@value #FAR_RESIDUAL}, largest |r<sub>i</sub>| first
 */
public record FarResiduals(double[] residuals, int largest, List<Integer> far) {

    /** A point this far from the law, |ln L − ln L̂| above it (its loss more than ≈ 10 % off), is named. */
    public static final double FAR_RESIDUAL = 0.1;
    /** How many far points a warning names before it only counts the rest. */
    public static final int NAMED = 5;

    public FarResiduals {
        residuals = residuals.clone();
        far = List.copyOf(far);
    }

    /** The residuals of {@code law} at parameters {@code theta} on {@code data}. */
    public static FarResiduals of(LawForm law, double[] theta, Observations data) {
        double[] residual = new double[data.size()];
        double[] logs = new double[data.arity()];
        int largest = data.size() == 0 ? -1 : 0;
        List<Integer> far = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            for (int j = 0; j < logs.length; j++) {
                logs[j] = Math.log(data.input(i, j));
            }
            residual[i] = Math.log(data.loss(i)) - law.logPrediction(theta, logs);
            if (Math.abs(residual[i]) > Math.abs(residual[largest])) {
                largest = i;
            }
            if (Math.abs(residual[i]) > FAR_RESIDUAL) {
                far.add(i);
            }
        }
        far.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(residual[i])));
        return new FarResiduals(residual, largest, far);
    }

    @Override
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * The warning naming the far points ({@code names.get(i)} names point i, e.g. its row and inputs), at most
     * {@value #NAMED} of them, or null when there are none.
     */
    public String warning(List<String> names) {
        if (far.isEmpty()) {
            return null;
        }
        List<String> named = new ArrayList<>();
        for (int i : far.subList(0, Math.min(NAMED, far.size()))) {
            named.add(names.get(i));
        }
        return String.format(Locale.ROOT, "%d of %d points %s more than 10 %% off the law (|ln L − ln L̂| > %s): %s%s. "
                + "A diverged or mislabelled run? The Huber objective bounds its pull on the fit, but it is in the "
                + "data (leave it out with --where to compare)", far.size(), residuals.length,
                far.size() == 1 ? "is" : "are", FAR_RESIDUAL, String.join("; ", named),
                far.size() > NAMED ? "; and " + (far.size() - NAMED) + " more" : "");
    }
}
