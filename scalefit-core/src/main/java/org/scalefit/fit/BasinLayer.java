package org.scalefit.fit;

import java.io.IOException;
import java.io.NotSerializableException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;
import org.scalefit.parallel.Parallelism;

/**
 * The {@link BasinMap} that the starts of one wave of a {@link MultiStartFitter} search see, as it travels: the cells
 * that the previous wave added (in the order that wave recorded them), and the previous wave's layer, shared with the
 * tasks ({@link Parallelism#share}). The map of layer w is the map of layer w − 1 with layer w's cells added
 * ({@link BasinMap#addAll(BasinMap.CellArrays)}), so it is the engine's map after waves 0 … w − 1, whichever
 * process builds it.
 *
 * <p>A process keeps the map it built in the layer (a transient field; the engines keep one copy of a shared value
 * per process), and the next layer takes it over and grows it in place instead of copying it: waves run one after
 * another, and every task of a wave has ended before the next wave's layer is built, so no task still reads the map
 * taken. A process that has no map of the previous layer (one that joined late, or missed a wave) walks the chain
 * back to the latest layer whose map it has, or to the first, and adds the cells of every layer after it, in order.
 * So each wave sends only its new cells to each process, where shipping the whole map with every wave's tasks costs
 * time and memory that grow with the map (millions of cells on a 4-input grid).
 *
 * <p>A layer that has travelled (been serialised, or is a deserialised copy) keeps its cells and its link to the
 * previous layer, so that a process that finds it again after its map was taken over (a process that lost a later
 * layer's copy, and with it the map) can still build its map from the chain. One that never travelled (the engines
 * that run every task in this process, where no wave is missed) lets go of both once its cells are in a map, so that
 * the process holds its map and not the whole chain; it can then neither build its map again once the next layer
 * has taken it, nor be serialised.
 */
final class BasinLayer implements Serializable {

    private static final long serialVersionUID = 1L;

    private final double cellSize;
    /**
     * The previous wave's layer; null for the first layer (whose map starts empty), and once the cells are added in
     * a layer that never travelled.
     */
    private Parallelism.Shared<BasinLayer> previous;
    /** The cells this layer adds; null once added to a map in a layer that never travelled. */
    private BasinMap.CellArrays cells;
    /** This process's map of this layer, until the next layer takes it. */
    private transient BasinMap map;
    /** This layer has been serialised, or is a deserialised copy: it keeps its cells and previous layer. */
    private transient boolean travelled;

    private BasinLayer(double cellSize, Parallelism.Shared<BasinLayer> previous, BasinMap.CellArrays cells) {
        this.cellSize = cellSize;
        this.previous = previous;
        this.cells = cells;
    }

    /** The layer of the first wave: an empty map of cells of edge {@code cellSize}. */
    static BasinLayer first(double cellSize) {
        return new BasinLayer(cellSize, null, BasinMap.CellArrays.NONE);
    }

    /**
     * The layer after {@code previous} (whose cells have edge {@code cellSize}): its map with {@code cells} added.
     * Reads nothing through the handle, so that the process that shares the layers never deserialises one.
     */
    static BasinLayer next(Parallelism.Shared<BasinLayer> previous, double cellSize, BasinMap.CellArrays cells) {
        return new BasinLayer(cellSize, previous, cells);
    }

    /**
     * This layer's map in this process: built on first use, from the previous layer's map (taken over) or by walking
     * the chain back. The caller only reads it.
     */
    synchronized BasinMap map() {
        if (map != null) {
            return map;
        }
        Deque<BasinLayer> toAdd = new ArrayDeque<>();
        BasinMap built = null;
        for (BasinLayer layer = this; built == null; ) {
            toAdd.push(layer);
            Parallelism.Shared<BasinLayer> before = layer.previousOfCellsToAdd();
            if (before == null) {
                built = BasinMap.empty(layer.cellSize);
            } else {
                layer = before.get();
                built = layer.takeMap();
            }
        }
        while (!toAdd.isEmpty()) {
            toAdd.pop().addTo(built);
        }
        map = built;
        return built;
    }

    /** The previous layer (null for the first), for a layer whose cells are still to be added. */
    private synchronized Parallelism.Shared<BasinLayer> previousOfCellsToAdd() {
        if (cells == null) {
            throw new IllegalStateException("the cells of this basin layer are in a map that a later layer has "
                    + "taken over, and were dropped: the layer's map cannot be built again");
        }
        return previous;
    }

    /** Hands this process's map of this layer over to the next layer, which grows it; null if there is none. */
    private synchronized BasinMap takeMap() {
        BasinMap taken = map;
        map = null;
        return taken;
    }

    private synchronized void addTo(BasinMap target) {
        target.addAll(cells);
        if (!travelled) {
            cells = null;
            previous = null;
        }
    }

    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        if (cells == null) {
            throw new NotSerializableException("a basin layer whose cells were added to a map and dropped");
        }
        travelled = true;
        out.defaultWriteObject();
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        travelled = true;
    }
}
