package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ColumnRequestTest {

    @Test
    void gemstonesMappingLocatesTheLogicalColumns() {
        ColumnMapping gemstones = ColumnMapping.gemstones();

        assertThat(gemstones.fileColumn("params")).isEqualTo("params_active_precise");
        assertThat(gemstones.fileColumn("tokens")).isEqualTo("tokens");
        assertThat(gemstones.fileColumn("loss")).isEqualTo("final_loss");
        assertThat(gemstones.fileColumn("width")).isEqualTo("width");
        assertThat(gemstones.fileColumn("depth")).isEqualTo("depth");
        assertThat(gemstones.fileColumn("flops")).isEqualTo("FLOPs");
    }

    @Test
    void withReturnsAChangedCopyAndLeavesTheOriginalAlone() {
        ColumnMapping gemstones = ColumnMapping.gemstones();

        ColumnMapping renamed = gemstones.with("loss", "val_loss");

        assertThat(renamed.fileColumn("loss")).isEqualTo("val_loss");
        assertThat(gemstones.fileColumn("loss")).isEqualTo("final_loss");
    }

    @Test
    void requestListsRequiredThenOptionalColumns() {
        ColumnRequest request = ColumnRequest.of("params", "loss").withOptional("width");

        assertThat(request.all()).containsExactly("params", "loss", "width");
        assertThat(request.isRequired("loss")).isTrue();
        assertThat(request.isRequired("width")).isFalse();
    }

    @Test
    void columnRequestedTwiceIsRejected() {
        assertThatThrownBy(() -> ColumnRequest.of("loss").withOptional("loss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'loss' is requested twice");
    }

    @Test
    void twoColumnsReadFromTheSameFileColumnAreRejected() {
        assertThatThrownBy(() -> ColumnRequest.of("params", "final_loss", "loss"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'final_loss'");
    }

    @Test
    void emptyRequestIsRejected() {
        assertThatThrownBy(ColumnRequest::of).isInstanceOf(IllegalArgumentException.class);
    }
}
