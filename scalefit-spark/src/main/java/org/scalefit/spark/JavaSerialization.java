package org.scalefit.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.UncheckedIOException;

/**
 * Java serialisation of tasks and their results to and from bytes. Classes are resolved with the thread's context
 * class loader first, which is the loader of the application's jars on a Spark executor.
 */
final class JavaSerialization {

    private JavaSerialization() {
    }

    static byte[] bytes(Object value) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(buffer)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName()
                    + " for Spark (a task must capture only serializable values): " + e, e);
        }
        return buffer.toByteArray();
    }

    static Object object(byte[] bytes) {
        try (ObjectInputStream in = new ContextClassLoaderInput(bytes)) {
            return in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot deserialise a Spark task or result", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class not found on this Spark JVM: " + e.getMessage()
                    + " (is the scalefit jar on the executors' classpath?)", e);
        }
    }

    private static final class ContextClassLoaderInput extends ObjectInputStream {
        ContextClassLoaderInput(byte[] bytes) throws IOException {
            super(new ByteArrayInputStream(bytes));
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass description) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(description.getName(), false, loader);
                } catch (ClassNotFoundException e) {
                    // fall back to the default resolution below
                }
            }
            return super.resolveClass(description);
        }
    }
}
