package org.scalefit.report.plot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A 2-D figure, described but not drawn: a title, two axes and the series on them, in drawing order (later series
 * on top). {@link XChartRenderer} draws it as PNG and SVG files, {@link InteractiveSvg} as SVG inside an HTML page.
 *
 * @param id     a file-safe name, unique within a report: lower-case letters, digits and hyphens (the figure's
 *               files are {@code <id>.png} and {@code <id>.svg})
 * @param title  the title shown above the figure
 * @param x      the horizontal axis
 * @param y      the vertical axis
 * @param series the series, in drawing order, each with its own name
 * @param colorKey the colour scale the series are coloured by, drawn beside the plot, or null for none
 */
public record Figure(String id, String title, Axis x, Axis y, List<Series> series, ColorKey colorKey) {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    public Figure {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        series = List.copyOf(series);
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a figure id is lower-case letters, digits and single hyphens, got '"
                    + id + "'");
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Series one : series) {
            if (!names.add(one.name())) {
                throw new IllegalArgumentException("figure " + id + " has two series named '" + one.name() + "'");
            }
        }
    }

    /** A figure with no series yet. */
    public static Figure of(String id, String title, Axis x, Axis y) {
        return new Figure(id, title, x, y, List.of(), null);
    }

    /** This figure with {@code next} drawn on top of the series it has. */
    public Figure with(Series next) {
        List<Series> all = new ArrayList<>(series);
        all.add(next);
        return new Figure(id, title, x, y, all, colorKey);
    }

    /** This figure with all of {@code next} drawn on top, in order. */
    public Figure withAll(List<Series> next) {
        List<Series> all = new ArrayList<>(series);
        all.addAll(next);
        return new Figure(id, title, x, y, all, colorKey);
    }

    /** This figure with a colour key beside the plot (its series coloured by {@link ColorKey#color}). */
    public Figure withColorKey(ColorKey key) {
        return new Figure(id, title, x, y, series, Objects.requireNonNull(key, "key"));
    }

    /** The series named {@code name}. */
    public Series series(String name) {
        return series.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("figure " + id + " has no series '" + name
                        + "'; it has " + series.stream().map(Series::name).toList()));
    }
}
