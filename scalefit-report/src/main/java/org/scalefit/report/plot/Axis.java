package org.scalefit.report.plot;

import java.util.Objects;

/**
 * One axis of a figure: its label and its scale.
 *
 * @param label what the axis measures, with its unit (e.g. {@code "training FLOPs"}, {@code "loss (nats/token)"})
 * @param scale linear or logarithmic
 */
public record Axis(String label, Scale scale) {

    public Axis {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(scale, "scale");
    }

    /** A logarithmic axis. */
    public static Axis log(String label) {
        return new Axis(label, Scale.LOG);
    }

    /** A linear axis. */
    public static Axis linear(String label) {
        return new Axis(label, Scale.LINEAR);
    }
}
