package org.scalefit.report.plot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The colour and line of each run and reference law, so that a run looks the same in every figure: Gemstones'
 * {@code plotters/model_styles.json} (bundled with the datasets in scalefit-io), a map from a run's name
 * ({@code PyGemma-1024x28_pretrain}) or a law's name ({@code Chinchilla}, {@code Kaplan}) to a matplotlib colour and
 * line style ({@code -}, {@code --}, {@code :}).
 *
 * <p>{@link #forRun} looks a name up exactly, then by the shape it names ({@code 1024x28} finds
 * {@code PyGemma-1024x28_pretrain}), and otherwise gives the {@link Palette#runStyle} of the run's position (colour
 * × marker): unknown runs still get distinct, stable styles. {@link #forRuns} styles all runs of a figure at once so
 * that no two look alike, however many there are.
 *
 * @param byName style per name, in the file's order
 */
public record RunStyles(Map<String, SeriesStyle> byName) {

    /** Where the Gemstones styles live on the class path. */
    public static final String GEMSTONES_RESOURCE = "/org/scalefit/io/datasets/gemstones/model_styles.json";

    private static final Pattern SHAPE = Pattern.compile("(?<![0-9])([0-9]+)x([0-9]+)(?![0-9])");

    public RunStyles {
        byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
    }

    /** No named styles: every run gets its palette colour. */
    public static RunStyles none() {
        return new RunStyles(Map.of());
    }

    /** Gemstones' styles, from the bundled {@code model_styles.json}. */
    public static RunStyles gemstones() {
        try (InputStream in = RunStyles.class.getResourceAsStream(GEMSTONES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(GEMSTONES_RESOURCE + " is missing from the class path");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + GEMSTONES_RESOURCE, e);
        }
    }

    /**
     * Styles from a JSON object {@code {"name": {"color": "#rrggbb", "line_style": "-"|"--"|":"|"-."}, …}}.
     *
     * @throws IllegalArgumentException naming the entry, if one lacks a colour or has an unknown line style
     */
    public static RunStyles read(InputStream json) {
        JsonNode root = JsonMapper.builder().build().readTree(json);
        Map<String, SeriesStyle> styles = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            JsonNode color = entry.getValue().get("color");
            if (color == null || !color.isString()) {
                throw new IllegalArgumentException("style '" + entry.getKey() + "': expected a \"color\" string");
            }
            JsonNode line = entry.getValue().get("line_style");
            SeriesStyle.Stroke stroke = stroke(entry.getKey(), line == null ? "-" : line.asString());
            styles.put(entry.getKey(), new SeriesStyle(color.asString(), stroke, SeriesStyle.Marker.NONE, 1.5));
        }
        return new RunStyles(styles);
    }

    private static SeriesStyle.Stroke stroke(String name, String matplotlib) {
        return switch (matplotlib) {
            case "-", "solid" -> SeriesStyle.Stroke.SOLID;
            case "--", "dashed", "-.", "dashdot" -> SeriesStyle.Stroke.DASHED;
            case ":", "dotted" -> SeriesStyle.Stroke.DOTTED;
            default -> throw new IllegalArgumentException("style '" + name + "': unknown line_style '" + matplotlib
                    + "'; expected -, --, -. or :");
        };
    }

    /**
     * The style of the run called {@code name}, which is the {@code ordinal}-th run of its figure: its own style,
     * or that of the first named run with the same {@code <width>x<depth>} shape, or {@link Palette#runStyle}
     * {@code ordinal}. A figure of several runs takes {@link #forRuns}, which keeps them apart.
     */
    public SeriesStyle forRun(String name, int ordinal) {
        Objects.requireNonNull(name, "name");
        SeriesStyle exact = byName.get(name);
        if (exact != null) {
            return exact;
        }
        String shape = shapeOf(name);
        if (shape != null) {
            for (Map.Entry<String, SeriesStyle> entry : byName.entrySet()) {
                if (shape.equals(shapeOf(entry.getKey()))) {
                    return entry.getValue();
                }
            }
        }
        return Palette.runStyle(ordinal);
    }

    /**
     * The styles of the runs of one figure, {@code names} in the order drawn, no two alike in colour × marker (a
     * style without a marker counts as a circle, as a run drawn as points shows it): each run's {@link #forRun}
     * style, unless a run before it already looks the same; then the same colour with the first of
     * {@link Palette#MARKERS} not yet taken in that colour, or, when all are, the first {@link Palette#runStyle}
     * not yet taken. Up to {@link Palette#DISTINCT_RUN_STYLES} runs are kept apart.
     *
     * @return name → style, in the order of {@code names} (a repeated name keeps its first style)
     */
    public Map<String, SeriesStyle> forRuns(java.util.List<String> names) {
        Map<String, SeriesStyle> styles = new LinkedHashMap<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        int ordinal = 0;
        for (String name : names) {
            if (styles.containsKey(name)) {
                continue;
            }
            SeriesStyle style = forRun(name, ordinal++);
            if (!taken.add(key(style))) {
                SeriesStyle free = null;
                for (SeriesStyle.Marker marker : Palette.MARKERS) {
                    if (!taken.contains(key(style.withMarker(marker)))) {
                        free = style.withMarker(marker);
                        break;
                    }
                }
                for (int i = 0; free == null && i < Palette.DISTINCT_RUN_STYLES; i++) {
                    if (!taken.contains(key(Palette.runStyle(i)))) {
                        free = Palette.runStyle(i);
                    }
                }
                style = free == null ? style : free;
                taken.add(key(style));
            }
            styles.put(name, style);
        }
        return java.util.Collections.unmodifiableMap(styles);
    }

    /** The marker a run shows when drawn as points: its own, or a circle if it has none. */
    public static SeriesStyle.Marker pointMarker(SeriesStyle style) {
        return style.marker() == SeriesStyle.Marker.NONE ? SeriesStyle.Marker.CIRCLE : style.marker();
    }

    /** {@code style} as points only: its colour and {@link #pointMarker}, no line. */
    public static SeriesStyle asPoints(SeriesStyle style) {
        return new SeriesStyle(style.color(), SeriesStyle.Stroke.NONE, pointMarker(style), 1.5);
    }

    private static String key(SeriesStyle style) {
        return style.color() + " " + pointMarker(style);
    }

    /** The style named {@code name} (e.g. {@code Chinchilla}), or {@code fallback} if there is none. */
    public SeriesStyle named(String name, SeriesStyle fallback) {
        return byName.getOrDefault(name, fallback);
    }

    /** The {@code <width>x<depth>} token of a name, or null if it has none. */
    private static String shapeOf(String name) {
        Matcher matcher = SHAPE.matcher(name);
        return matcher.find() ? matcher.group(1) + "x" + matcher.group(2) : null;
    }
}
