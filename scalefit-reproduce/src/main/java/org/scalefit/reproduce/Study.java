package org.scalefit.reproduce;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One study that {@code scalefit reproduce} can recompute: its short name, what it reproduces, the bundled data it
 * reads, and how to run it. The studies are listed by {@link Studies}.
 *
 * @param name        the short name the command takes ({@code gemstones}, {@code chinchilla}, …)
 * @param title       the study's citation, as the report heads it
 * @param description what is recomputed and compared, in one line
 * @param data        the bundled data it reads, as data ids or bundled folders ({@code chinchilla:epoch}, …)
 * @param runner      runs the reproduction
 */
public record Study(String name, String title, String description, List<String> data,
                    Function<ReproductionContext, StudyReproduction> runner) {

    public Study {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(runner, "runner");
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("a study name is lower case letters, digits and '-', was '" + name + "'");
        }
        data = List.copyOf(data);
    }

    /** Recomputes the study's published numbers with {@code context}. */
    public StudyReproduction run(ReproductionContext context) {
        return runner.apply(context);
    }
}
