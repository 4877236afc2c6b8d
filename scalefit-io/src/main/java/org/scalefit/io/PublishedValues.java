package org.scalefit.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.scalefit.law.FittedLaw;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers the studies published, bundled under {@code published/} (see its NOTICE) so that a reproduction can
 * print them beside scalefit's own: Gemstones' Approach-1 regressions ({@code parameters/}) and Approach-3 fits
 * ({@code parameters_delta-3/}), Epoch AI's printed notebook values and Gadre et al.'s stored relative errors.
 * Nothing scalefit computes reads them; they are only compared with.
 */
public final class PublishedValues {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final String ROOT = "published/";

    /** An Approach-1 log–log regression, log y = slope·log C + intercept, as Gemstones saves it. */
    public record LogLogLine(double slope, double intercept) {
    }

    private PublishedValues() {
    }

    /**
     * The bundled JSON document at {@code path} (relative to {@code published/}, e.g.
     * {@code epoch/chinchilla-replication.json}).
     *
     * @throws IllegalArgumentException if there is no such document
     */
    public static JsonNode document(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("no published document '" + path + "'"));
    }

    /** Gemstones' Approach-3 fit {@code approach_3_<name>.json} from {@code parameters_delta-3/}, if published. */
    public static Optional<FittedLaw> gemstonesApproach3(String name) {
        String path = "gemstones/parameters_delta-3/approach_3_" + name + ".json";
        return find(path).map(root -> LawFiles.fromJson(ROOT + path, root));
    }

    /** The objective Gemstones reports for {@link #gemstonesApproach3(String)}, if published. */
    public static Optional<Double> gemstonesApproach3Loss(String name) {
        return find("gemstones/parameters_delta-3/approach_3_" + name + ".json")
                .map(root -> root.get("loss").get("0").asDouble());
    }

    /**
     * Gemstones' Approach-1 regression {@code approach_1_linear_regression_<name>.json} from {@code parameters/}
     * (e.g. {@code params_100b+_no_embeds}), if published.
     */
    public static Optional<LogLogLine> gemstonesApproach1(String name) {
        return find("gemstones/parameters/approach_1_linear_regression_" + name + ".json")
                .map(root -> new LogLogLine(root.get("coef").get(0).asDouble(), root.get("intercept").asDouble()));
    }

    /**
     * Copies the bundled document or folder at {@code path} (relative to {@code published/}, e.g.
     * {@code gemstones/parameters} or {@code gemstones/parameters_delta-3/approach_3_parameters_grid_search_0_hot.json})
     * to {@code target} unchanged — a folder with every file under it — for the commands that read published files
     * from disk ({@code scalefit sensitivity rainbow --approach1 DIR}, {@code --law FILE}).
     *
     * @return {@code target}
     * @throws IllegalArgumentException if nothing is published at {@code path}
     * @throws UncheckedIOException     if the copy fails
     */
    public static Path copy(String path, Path target) {
        URL url = PublishedValues.class.getResource(ROOT + path);
        if (url == null) {
            throw new IllegalArgumentException("no published document or folder '" + path + "'");
        }
        try {
            URI uri = url.toURI();
            if (uri.getScheme().equals("jar")) {
                FileSystem open = null;
                try {
                    open = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened elsewhere in this JVM: read through that one and leave it open
                }
                try {
                    copyTree(Path.of(uri), target);
                } finally {
                    if (open != null) {
                        open.close();
                    }
                }
            } else {
                copyTree(Path.of(uri), target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.toAbsolutePath().getParent());
                    Files.copy(file, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static Optional<JsonNode> find(String path) {
        try (InputStream in = PublishedValues.class.getResourceAsStream(ROOT + path)) {
            return in == null ? Optional.empty() : Optional.of(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
