package org.scalefit.io.analysis;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.scalefit.io.LawFiles;
import org.scalefit.law.FittedLaw;
import org.scalefit.shapes.ArchitectureAgreement;
import org.scalefit.shapes.CountedShape;
import org.scalefit.shapes.ShapeAccounting;

/**
 * The check a shape search or parabola makes of a law's fit file against its own accounting: the shapes the fit's
 * runs recorded with their params ({@link LawFiles#countedShapes}) against the search's count of the same shapes
 * ({@link ArchitectureAgreement}); a disagreement becomes a warning of the law, printed with it and written in the
 * result document's {@code law_warnings}. A law that reads params is held to the search's own count (its params input
 * is fed that count); a law that does not is held to the search's architecture under any of its counts ({@link
 * ArchitectureAgreement#ofArchitecture}), the search's {@code --params} choosing only which count is printed.
 */
final class ArchitectureCheck {

    private ArchitectureCheck() {
    }

    /**
     * {@code law} read from {@code file} with the caution of {@link ArchitectureAgreement#caution()} added when the
     * file records its runs' shapes and they disagree with {@code accounting}; {@code law} itself otherwise (also for
     * files that record no shapes, which cannot be checked).
     */
    static FittedLaw cautioned(Path file, FittedLaw law, ShapeAccounting accounting) {
        List<CountedShape> shapes = LawFiles.countedShapes(file);
        if (shapes.isEmpty()) {
            return law;
        }
        boolean readsParams = law.form().inputs().contains("params");
        ArchitectureAgreement agreement = readsParams ? ArchitectureAgreement.of(shapes, accounting)
                : ArchitectureAgreement.ofArchitecture(shapes, accounting);
        return agreement.caution().map(caution -> {
            List<String> warnings = new ArrayList<>(law.warnings());
            warnings.add(readsParams ? caution + "; the law's params input is fed "
                    + "this search's count, not the one it was fitted on, so the shapes prescribed are off too"
                    : caution);
            return new FittedLaw(law.form(), law.theta(), warnings);
        }).orElse(law);
    }
}
