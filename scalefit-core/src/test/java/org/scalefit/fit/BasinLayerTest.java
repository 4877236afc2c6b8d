package org.scalefit.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.scalefit.parallel.LocalParallelism;
import org.scalefit.parallel.Parallelism;

class BasinLayerTest {

    private static final double CELL = 0.2;
    private static final int WAVES = 8;

    /** Waves of cells as a search records them: few distinct cells, so that later waves revisit and contradict. */
    private static List<Map<Long, double[]>> waves(long seed) {
        Random random = new Random(seed);
        double[] finals = {1.0, 1.0005, 1.2, 2.0, 3.5, 0.9};
        List<Map<Long, double[]>> waves = new ArrayList<>();
        for (int wave = 0; wave < WAVES; wave++) {
            Map<Long, double[]> additions = new LinkedHashMap<>();
            for (int v = 1 + random.nextInt(60); v > 0; v--) {
                double finalValue = finals[random.nextInt(finals.length)];
                BasinMap.record(additions, BasinMap.cellKey(point(random), CELL),
                        new double[] {finalValue * (1 + random.nextDouble()), finalValue});
            }
            waves.add(additions);
        }
        return waves;
    }

    private static double[] point(Random random) {
        return new double[] {CELL * random.nextInt(6) + 0.05, CELL * random.nextInt(5) + 0.05};
    }

    /** The map after the first {@code count} waves, grown in place as the engine grew it before layers. */
    private static BasinMap inPlace(List<Map<Long, double[]>> waves, int count) {
        BasinMap map = BasinMap.empty(CELL);
        waves.subList(0, count).forEach(wave -> map.addAll(BasinMap.CellArrays.of(wave)));
        return map;
    }

    /** Layer k of the chain: the map after waves 0 … k − 1. */
    private static List<Parallelism.Shared<BasinLayer>> chain(List<Map<Long, double[]>> waves) {
        Parallelism parallelism = LocalParallelism.sequential();
        List<Parallelism.Shared<BasinLayer>> layers = new ArrayList<>();
        layers.add(parallelism.share(BasinLayer.first(CELL)));
        for (Map<Long, double[]> wave : waves) {
            layers.add(parallelism.share(BasinLayer.next(layers.get(layers.size() - 1), CELL,
                    BasinMap.CellArrays.of(wave))));
        }
        return layers;
    }

    private static void assertSameMap(BasinMap actual, BasinMap expected, String what) {
        assertThat(actual.size()).as(what).isEqualTo(expected.size());
        Random random = new Random(3);
        for (int probe = 0; probe < 400; probe++) {
            double[] x = point(random);
            double value = 3.5 * random.nextDouble() + 0.5;
            assertThat(Double.doubleToLongBits(actual.recognise(x, value))).as("%s, probe %d", what, probe)
                    .isEqualTo(Double.doubleToLongBits(expected.recognise(x, value)));
        }
    }

    private static byte[] bytes(Object... values) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            for (Object value : values) {
                out.writeObject(value);
            }
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    private static List<Parallelism.Shared<BasinLayer>> copies(byte[] bytes, int count) throws Exception {
        List<Parallelism.Shared<BasinLayer>> copies = new ArrayList<>();
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            for (int i = 0; i < count; i++) {
                copies.add((Parallelism.Shared<BasinLayer>) in.readObject());
            }
        }
        return copies;
    }

    @Test
    void eachLayerBuiltInTurnInOneProcessIsTheMapGrownInPlaceAfterTheWavesBeforeIt() {
        List<Map<Long, double[]>> waves = waves(11);
        List<Parallelism.Shared<BasinLayer>> layers = chain(waves);
        for (int k = 0; k < layers.size(); k++) {
            assertSameMap(layers.get(k).get().map(), inPlace(waves, k), "layer " + k);
        }
    }

    @Test
    void aFreshProcessRebuildsTheMapOfTheLayerItIsGivenFromTheWholeChain() throws Exception {
        List<Map<Long, double[]>> waves = waves(12);
        List<Parallelism.Shared<BasinLayer>> layers = chain(waves);
        byte[] sent = bytes(layers.get(5));
        for (int k = 0; k <= 5; k++) {
            layers.get(k).get().map();
        }
        BasinLayer fresh = copies(sent, 1).get(0).get();
        assertSameMap(fresh.map(), inPlace(waves, 5), "fresh copy of layer 5");
    }

    @Test
    void aProcessThatMissedWavesGrowsTheMapItHasByTheLayersItMissed() throws Exception {
        List<Map<Long, double[]>> waves = waves(13);
        List<Parallelism.Shared<BasinLayer>> layers = chain(waves);
        List<Parallelism.Shared<BasinLayer>> process = copies(bytes(layers.get(2), layers.get(6)), 2);
        BasinMap atTwo = process.get(0).get().map();
        BasinMap atSix = process.get(1).get().map();
        assertThat(atSix).as("layer 6 grew the map of layer 2 in place").isSameAs(atTwo);
        assertSameMap(atSix, inPlace(waves, 6), "layer 6 after layer 2");
    }

    @Test
    void aCopyWhoseMapWasTakenOverBuildsItAgainFromTheChainInsteadOfReturningTheGrownMap() throws Exception {
        List<Map<Long, double[]>> waves = waves(14);
        List<Parallelism.Shared<BasinLayer>> process = copies(bytes(chain(waves).get(4)), 1);
        BasinLayer four = process.get(0).get();
        Parallelism.Shared<BasinLayer> five = LocalParallelism.sequential()
                .share(BasinLayer.next(process.get(0), CELL, BasinMap.CellArrays.of(waves.get(4))));
        BasinMap taken = four.map();
        BasinMap grown = five.get().map();

        BasinMap again = four.map();

        assertThat(grown).isSameAs(taken);
        assertThat(again).isNotSameAs(grown);
        assertSameMap(again, inPlace(waves, 4), "layer 4 built again");
        assertSameMap(grown, inPlace(waves, 5), "layer 5");
    }

    @Test
    void aLayerThatNeverTravelledRefusesToBuildItsMapAgainOnceTheNextLayerTookIt() {
        List<Parallelism.Shared<BasinLayer>> layers = chain(waves(15));
        layers.get(1).get().map();
        layers.get(2).get().map();

        assertThatThrownBy(layers.get(1).get()::map).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLayerThatNeverTravelledCannotTravelOnceItsCellsAreInAMap() {
        Parallelism.Shared<BasinLayer> first = chain(waves(16)).get(0);
        first.get().map();

        assertThatThrownBy(() -> bytes(first)).isInstanceOf(NotSerializableException.class);
    }
}
