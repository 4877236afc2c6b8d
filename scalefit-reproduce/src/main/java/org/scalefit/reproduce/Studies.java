package org.scalefit.reproduce;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of study reproductions, in the order {@code scalefit reproduce all} runs them. A new study adds one
 * {@link Study} here: the command line, its {@code --help} and its error for an unknown name all read this list (see
 * the package documentation for a use from Java).
 */
public final class Studies {

    /** The name that selects every study. */
    public static final String ALL = "all";

    private static final List<Study> STUDIES = List.of(
            new Study("gemstones", GemstonesReproduction.TITLE,
                    "Approach 1 against the 14 published regressions, Approach 3 against the 16 published 2-input fits "
                            + "and the 3-input width–depth fit (--full: the three 4-input fits)",
                    List.of("gemstones:<set> (15 run tables)", "gemstones (benchmarks)",
                            "gemstones:fineweb_edu, gemstones:fineweb_dclm", "industry models"),
                    GemstonesReproduction::run),
            new Study("chinchilla", ChinchillaReproduction.TITLE,
                    "Epoch AI's Fit A on their 4 500-start grid, Fit B, the 4 000-resample bootstrap and the "
                            + "tokens-per-parameter policy",
                    List.of("chinchilla:epoch"), ChinchillaReproduction::run),
            new Study("gadre", GadreReproduction.TITLE,
                    "the four relative errors the notebook stores and the other held-out predictions",
                    List.of("gadre (testbed, c4_val losses)"), GadreReproduction::run),
            new Study("datablations", DatablationsReproduction.TITLE,
                    "the data-constrained law on the 182 runs of the published fit: R_D*, R_N*, objective, check "
                            + "values",
                    List.of("datablations:c4_published_fit"), DatablationsReproduction::run),
            new Study("porian", PorianReproduction.TITLE,
                    "IsoFLOP analysis of the 15 configurations: seed-noise bootstrap, power-law and saturating fits, "
                            + "Table 1",
                    List.of("porian:<table> (summary tables)"), PorianReproduction::run));

    private Studies() {
    }

    /** Every registered study, in the order {@value #ALL} runs them. */
    public static List<Study> all() {
        return STUDIES;
    }

    /** The registered names, in order. */
    public static List<String> names() {
        return STUDIES.stream().map(Study::name).toList();
    }

    /** The study registered as {@code name}, if any. */
    public static Optional<Study> named(String name) {
        return STUDIES.stream().filter(study -> study.name().equals(name)).findFirst();
    }

    /**
     * The studies {@code names} select, each once, in the order first named ({@value #ALL}: every study, in
     * registry order).
     *
     * @throws IllegalArgumentException for a name that is not registered, listing the names that are
     */
    public static List<Study> select(List<String> names) {
        Set<Study> chosen = new LinkedHashSet<>();
        for (String name : names) {
            if (name.equals(ALL)) {
                chosen.addAll(STUDIES);
            } else {
                chosen.add(named(name).orElseThrow(() -> new IllegalArgumentException("unknown study '" + name
                        + "'; expected " + String.join(", ", names()) + " or " + ALL)));
            }
        }
        return new ArrayList<>(chosen);
    }
}
