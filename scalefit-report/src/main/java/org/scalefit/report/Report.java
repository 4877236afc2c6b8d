package org.scalefit.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.scalefit.report.plot.Figure;

/**
 * A report: a title, its sections in order, and the provenance of its numbers. {@link HtmlReport} writes it as one
 * self-contained directory.
 *
 * @param title      the page title
 * @param sections   the sections, in order; section ids and figure ids are each unique
 * @param provenance data, options, version (and, optionally, time and timings)
 */
public record Report(String title, List<Section> sections, Provenance provenance) {

    public Report {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(provenance, "provenance");
        sections = List.copyOf(sections);
        Set<String> sectionIds = new HashSet<>();
        Set<String> figureIds = new HashSet<>();
        for (Section section : sections) {
            if (!sectionIds.add(section.id())) {
                throw new IllegalArgumentException("two sections have the id '" + section.id() + "'");
            }
            for (Figure figure : section.figures()) {
                if (!figureIds.add(figure.id())) {
                    throw new IllegalArgumentException("two figures have the id '" + figure.id() + "'");
                }
            }
        }
    }

    /** This report with {@code section} appended. */
    public Report with(Section section) {
        List<Section> all = new ArrayList<>(sections);
        all.add(section);
        return new Report(title, all, provenance);
    }

    /** This report without the run's time and timings ({@link Provenance#withoutRunDetails}). */
    public Report withoutRunDetails() {
        return new Report(title, sections, provenance.withoutRunDetails());
    }

    /** Every figure, in order of appearance. */
    public List<Figure> figures() {
        return sections.stream().flatMap(section -> section.figures().stream()).toList();
    }
}
