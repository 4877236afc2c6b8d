package org.scalefit.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values printed by NumPy ({@code np.random.seed(s)}; {@code np.random.normal(0, 1, 6)}, {@code random()}). */
class NumpyRandomStateTest {

    @Test
    void normalsMatchNumpysLegacyStreamBitForBit() {
        double[][] normals = ResamplingStream.NUMPY_RANDOM_STATE.normals(42).nextMatrix(2, 3);
        assertThat(normals[0]).containsExactly(0.4967141530112327, -0.13826430117118466, 0.6476885381006925);
        assertThat(normals[1]).containsExactly(1.5230298564080254, -0.23415337472333597, -0.23413695694918055);
    }

    @Test
    void uniformsMatchNumpysRandom() {
        assertThat(new NumpyRandomState(7).nextDouble()).isEqualTo(0.07630828937395717);
    }

    @Test
    void splittableNormalsDependOnlyOnTheSeed() {
        double[][] first = ResamplingStream.SPLITTABLE.normals(3).nextMatrix(4, 5);
        double[][] again = ResamplingStream.SPLITTABLE.normals(3).nextMatrix(4, 5);
        assertThat(again).isDeepEqualTo(first);
        assertThat(ResamplingStream.SPLITTABLE.normals(4).nextMatrix(4, 5)).isNotEqualTo(first);
    }
}
