package org.scalefit.io.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.scalefit.data.Observations;

/**
 * The SHA-256 of the points an analysis actually fits, for a {@link CacheKey}: it changes whenever a column
 * mapping, a transform or a filter changes the numbers, even when the data file's own SHA-256 does not.
 *
 * <p>Digested in order: each input name (UTF-8, then a 0 byte), the point count, then for each point its inputs and
 * its loss as IEEE-754 bits (big-endian). Row order is part of it, since it can change a sum in the last bit.
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
}
