package org.scalefit.io.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.scalefit.data.Observations;
import org.scalefit.law.expr.LawPoints;

/**
 * The SHA-256 of the points an analysis actually fits, for a {@link CacheKey}: it changes whenever a column
 * mapping, a transform or a filter changes the numbers, even when the data file's own SHA-256 does not.
 *
 * <p>Digested in order: each input name (UTF-8, then a 0 byte), the point count, then for each point its inputs and
 * its loss as IEEE-754 bits (big-endian). Row order is part of it, since it can change a sum in the last bit.
 * {@link LawPoints} (a law of the law language) are digested the same way, each point's weight after its loss.
 */
public final class ObservationsDigest {

    private ObservationsDigest() {
    }

    /** SHA-256 (lower-case hex) of {@code observations}' names and values. */
    public static String sha256(Observations observations) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        for (String name : observations.inputNames()) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        int points = observations.size();
        int arity = observations.arity();
        ByteBuffer values = ByteBuffer.allocate(Integer.BYTES + points * (arity + 1) * Double.BYTES);
        values.putInt(points);
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < arity; j++) {
                values.putDouble(observations.input(i, j));
            }
            values.putDouble(observations.loss(i));
        }
        digest.update(values.array());
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 (lower-case hex) of {@code points}' column names, inputs, losses and weights. */
    public static String sha256(LawPoints points) {
        MessageDigest digest = sha256();
        for (String name : points.columnNames()) {
            digest.update(name.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        int size = points.size();
        double[][] columns = points.columns();
        double[] losses = points.losses();
        double[] weights = points.weights();
        ByteBuffer values = ByteBuffer.allocate(Integer.BYTES + size * (columns.length + 2) * Double.BYTES);
        values.putInt(size);
        for (int i = 0; i < size; i++) {
            for (double[] column : columns) {
                values.putDouble(column[i]);
            }
            values.putDouble(losses[i]);
            values.putDouble(weights[i]);
        }
        digest.update(values.array());
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
