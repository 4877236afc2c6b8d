package org.scalefit.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scalefit.overtraining.LossScoreFits;

class LossScoreTableTest {

    @TempDir
    Path folder;

    private String file(String name, String content) throws IOException {
        Path path = folder.resolve(name);
        Files.writeString(path, content);
        return path.toString();
    }

    @Test
    void readsTheLossAndAnAccuracyUnderTheirDefaultNames() throws IOException {
        String data = file("evals.csv", "model,final_loss,acc\na,3.0,0.4\nb,2.5,0.55\nc,2.0,1\n");
        LossScoreTable table = LossScoreTable.read(data, Map.of(), null);
        assertThat(table.kind()).isEqualTo(LossScoreFits.Score.ACCURACY);
        assertThat(table.losses()).containsExactly(3.0, 2.5, 2.0);
        assertThat(table.scores()).containsExactly(0.4, 0.55, 1.0);
        assertThat(table.read()).containsExactly(Map.entry("loss", "final_loss"), Map.entry("accuracy", "acc"));
        assertThat(table.table().contentHash()).hasSize(64);
    }

    @Test
    void readsAnErrorColumnOfJsonLinesWithZeroErrors() throws IOException {
        String data = file("evals.jsonl", "{\"loss\": 3.0, \"err\": 0.6}\n{\"loss\": 2.0, \"err\": 0}\n");
        LossScoreTable table = LossScoreTable.read(data, Map.of(), null);
        assertThat(table.kind()).isEqualTo(LossScoreFits.Score.ERROR);
        assertThat(table.scoreColumn()).isEqualTo("err");
        assertThat(table.scores()).containsExactly(0.6, 0.0);
    }

    @Test
    void mappedColumnsAndARowConditionChooseWhatIsRead() throws IOException {
        String data = file("evals.csv", "val,acc,err,params\n3.0,0.4,0.6,1e8\n2.5,0.5,0.5,2e8\n2.0,0.6,0.4,4e8\n");
        LossScoreTable table = LossScoreTable.read(data, Map.of("loss", "val", "error", "err"), "params >= 2e8");
        assertThat(table.kind()).isEqualTo(LossScoreFits.Score.ERROR);
        assertThat(table.losses()).containsExactly(2.5, 2.0);
        assertThat(table.scores()).containsExactly(0.5, 0.4);
        assertThat(table.where()).isEqualTo("params >= 2e8");
    }

    @Test
    void anAccuracyAboveOneIsRefusedWithItsLineAndColumn() throws IOException {
        String data = file("evals.csv", "loss,accuracy\n3.0,0.4\n2.5,1.2\n");
        assertThatThrownBy(() -> LossScoreTable.read(data, Map.of(), null)).isInstanceOf(InputException.class)
                .hasMessage(data + ":3: column 'accuracy': expected an accuracy in [0, 1], found 1.2");
    }

    @Test
    void aTableWithBothScoresOrNeitherIsRefused() throws IOException {
        String both = file("both.csv", "loss,acc,error\n3.0,0.4,0.6\n");
        assertThatThrownBy(() -> LossScoreTable.read(both, Map.of(), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("found both 'acc' and 'error'");
        String neither = file("neither.csv", "loss,score\n3.0,0.4\n");
        assertThatThrownBy(() -> LossScoreTable.read(neither, Map.of(), null)).isInstanceOf(InputException.class)
                .hasMessageContaining("expected a column for 'accuracy' (accuracy or acc) or for 'error' (error or "
                        + "err)").hasMessageContaining("found only the columns 'loss', 'score'");
    }

    @Test
    void aMappingOfAnotherLogicalColumnOrOfBothScoresIsAUsageError() {
        assertThatThrownBy(() -> LossScoreTable.read("x.csv", Map.of("params", "N"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown logical column 'params'");
        assertThatThrownBy(() -> LossScoreTable.read("x.csv", Map.of("accuracy", "a", "error", "e"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one score column");
    }
}
