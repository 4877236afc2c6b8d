package org.scalefit.parallel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * A {@link Parallelism} that runs, on one thread, a Java-serialised and deserialised copy of each call's task, as an
 * implementation running tasks in other processes (Spark) does: an engine whose task captures something
 * unserialisable fails here, in the default build, with the class named.
 */
public final class SerializingParallelism implements Parallelism {

    @Override
    public <T> List<T> map(int taskCount, Task<T> task, IntConsumer finished) {
        return LocalParallelism.sequential().map(taskCount, copy(task), finished);
    }

    @Override
    public int threads() {
        return 1;
    }

    @SuppressWarnings("unchecked")
    private static <T> Task<T> copy(Task<T> task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        } catch (IOException e) {
            throw new AssertionError("a task does not serialise: " + e, e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Task<T>) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            throw new AssertionError("a task does not deserialise: " + e, e);
        }
    }
}
