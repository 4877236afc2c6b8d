package org.scalefit.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.scalefit.report.plot.Palette;
import org.scalefit.report.plot.RunStyles;

class ReferenceLineTest {

    @Test
    void eachPublishedLineHasItsOwnColourAndNoneIsTheFittedLawsBlue() {
        List<ReferenceLine> published = ReferenceLine.published(RunStyles.gemstones());

        List<String> colours = published.stream().map(line -> line.style().color()).toList();

        assertThat(colours).doesNotHaveDuplicates().doesNotContain(Palette.BLUE);
    }
}
