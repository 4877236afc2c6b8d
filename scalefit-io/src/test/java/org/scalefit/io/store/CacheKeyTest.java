package org.scalefit.io.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheKeyTest {

    private static final String DATA = "0f".repeat(32);

    private static Map<String, Object> options(Object... namesAndValues) {
        Map<String, Object> options = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            options.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return options;
    }

    @Test
    void optionsInAnyOrderGiveTheSameCanonicalJsonAndKey() {
        CacheKey one = CacheKey.of("approach3-fit", DATA, options("law", "chinchilla", "delta", 1e-3,
                "transforms", List.of("no-embeds(vocab=50304)"), "grid", Map.of("size", 4500, "name", "gemstones")),
                "0.1.0");
        CacheKey two = CacheKey.of("approach3-fit", DATA, options("grid", Map.of("name", "gemstones", "size", 4500),
                "transforms", List.of("no-embeds(vocab=50304)"), "delta", 1e-3, "law", "chinchilla"), "0.1.0");

        assertThat(one.options()).isEqualTo("{\"delta\":0.001,\"grid\":{\"name\":\"gemstones\",\"size\":4500},"
                + "\"law\":\"chinchilla\",\"transforms\":[\"no-embeds(vocab=50304)\"]}");
        assertThat(two).isEqualTo(one);
        assertThat(two.sha256()).isEqualTo(one.sha256()).matches("[0-9a-f]{64}");
    }

    @Test
    void keyIsTheSha256OfTheCanonicalJsonOfAllFourParts() {
        CacheKey key = CacheKey.of("approach3-fit", DATA, options("delta", 1e-3), "0.1.0");

        assertThat(key.sha256()).isEqualTo(CacheKey.sha256Hex("{\"analysis\":\"approach3-fit\",\"data_sha256\":\""
                + DATA + "\",\"options\":{\"delta\":0.001},\"scalefit_version\":\"0.1.0\"}"));
    }

    @Test
    void eachPartChangesTheKey() {
        String base = CacheKey.of("approach3-fit", DATA, options("delta", 1e-3), "0.1.0").sha256();

        assertThat(CacheKey.of("approach3-fit", DATA, options("delta", 1e-4), "0.1.0").sha256()).isNotEqualTo(base);
        assertThat(CacheKey.of("approach3-fit", "1f".repeat(32), options("delta", 1e-3), "0.1.0").sha256())
                .isNotEqualTo(base);
        assertThat(CacheKey.of("approach3-fit", DATA, options("delta", 1e-3), "0.2.0").sha256()).isNotEqualTo(base);
        assertThat(CacheKey.of("approach1-frontier", DATA, options("delta", 1e-3), "0.1.0").sha256())
                .isNotEqualTo(base);
        assertThat(CacheKey.of("approach3-fit", DATA, options("delta", 1e-3, "polish", false), "0.1.0").sha256())
                .isNotEqualTo(base);
    }

    @Test
    void nonFiniteOrUnsupportedOptionValuesAreRejected() {
        assertThatThrownBy(() -> CacheKey.of("a", DATA, options("delta", Double.NaN), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.delta");
        assertThatThrownBy(() -> CacheKey.of("a", DATA, options("when", new Object()), "v"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("options.when");
    }
}
