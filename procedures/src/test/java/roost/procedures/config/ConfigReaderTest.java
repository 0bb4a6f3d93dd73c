package roost.procedures.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import roost.model.Rel;
import roost.model.RoostException;

class ConfigReaderTest {
    @Test
    void readsValuesAndDefaults() {
        ConfigReader r = ConfigReader.of("p", Map.of("walks", 10L, "reset", 0.5, "flag", true, "mode", "Uniform"));
        assertThat(r.intValue("walks", 1, 1, 100)).isEqualTo(10);
        assertThat(r.intValue("absent", 7, 1, 100)).isEqualTo(7);
        assertThat(r.doubleValue("reset", 0.1, 0, 1)).isEqualTo(0.5);
        assertThat(r.booleanValue("flag", false)).isTrue();
        assertThat(r.choice("mode", "realgraph", List.of("realgraph", "uniform")))
                .isEqualTo("uniform");
        assertThat(r.optionalLong("seed", 0, 10)).isNull();
        r.done();
    }

    @Test
    void wholeDoublesAreIntegers() {
        assertThat(ConfigReader.of("p", Map.of("walks", 10.0)).intValue("walks", 1, 1, 100))
                .isEqualTo(10);
    }

    @Test
    void unknownKeysAreNamed() {
        ConfigReader r = ConfigReader.of("roost.x", Map.of("walkz", 5L));
        r.intValue("walks", 1, 1, 100);
        assertThatThrownBy(r::done)
                .isInstanceOf(RoostException.InvalidArgument.class)
                .hasMessage("roost.x: unknown config key 'walkz' (value 5); known keys: [walks]");
    }

    @Test
    void outOfRangeAndWrongTypesNameKeyValueAndRange() {
        assertThatThrownBy(() -> ConfigReader.of("roost.x", Map.of("walks", 0L)).intValue("walks", 1, 1, 100))
                .hasMessage("roost.x: config 'walks' = 0 is out of range [1, 100]");
        assertThatThrownBy(() ->
                        ConfigReader.of("roost.x", Map.of("walks", "many")).intValue("walks", 1, 1, 100))
                .hasMessage("roost.x: config 'walks' = 'many' must be an integer in [1, 100]");
        assertThatThrownBy(() -> ConfigReader.of("roost.x", Map.of("p", 1.5)).doubleValue("p", 0, 0, 1))
                .hasMessage("roost.x: config 'p' = 1.5 is out of range [0.0, 1.0]");
        assertThatThrownBy(() -> ConfigReader.of("roost.x", Map.of("b", "yes")).booleanValue("b", true))
                .hasMessage("roost.x: config 'b' = 'yes' must be true or false");
        assertThatThrownBy(() -> ConfigReader.of("roost.x", Map.of("m", "x")).choice("m", "a", List.of("a", "b")))
                .hasMessage("roost.x: config 'm' = 'x' must be one of [a, b]");
    }

    @Test
    void enumListsAcceptNamesCaseInsensitively() {
        EnumSet<Rel> all = EnumSet.of(Rel.LIKED, Rel.RETWEETED, Rel.REPLIED);
        assertThat(ConfigReader.of("p", Map.of("types", List.of("liked", "REPLIED")))
                        .enumSet("types", all, all))
                .containsExactly(Rel.LIKED, Rel.REPLIED);
        assertThat(ConfigReader.of("p", Map.of("types", "retweeted")).enumSet("types", all, all))
                .containsExactly(Rel.RETWEETED);
        assertThatThrownBy(() -> ConfigReader.of("p", Map.of("types", List.of("FOLLOWS")))
                        .enumSet("types", all, all))
                .hasMessageContaining("config 'types' = [FOLLOWS] must list some of [LIKED, RETWEETED, REPLIED]");
        assertThatThrownBy(
                        () -> ConfigReader.of("p", Map.of("types", List.of())).enumSet("types", all, all))
                .hasMessageContaining("must list at least one of");
    }
}
