package org.scalefit.report.figure;

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
 * {@code PyGemma-1024x28_pretrain}), and otherwise gives the {@link Palette#categorical} colour of the run's
 * position, solid: unknown runs still get distinct, stable colours.
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
     * or that of the first named run with the same {@code <width>x<depth>} shape, or palette colour
     * {@code ordinal}, solid.
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
        return SeriesStyle.line(Palette.categorical(ordinal));
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
