package roost.procedures.graph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import roost.model.Rel;

/**
 * The engagement relationship types as small codes (0..7), so that an edge stores its type in one
 * byte and a set of types is an {@code int} bit mask.
 */
public final class EngagementTypes {
    private static final Rel[] TYPES = Rel.ofKind(Rel.Kind.ENGAGEMENT).toArray(new Rel[0]);

    /** Mask with every engagement type set. */
    public static final int ALL = (1 << TYPES.length) - 1;

    /** {@link #names} of every mask, built once: result rows share them instead of building a list each. */
    private static final List<List<String>> NAMES = buildNames();

    private EngagementTypes() {}

    private static List<List<String>> buildNames() {
        List<List<String>> all = new ArrayList<>(ALL + 1);
        for (int mask = 0; mask <= ALL; mask++) {
            List<String> out = new ArrayList<>(Integer.bitCount(mask));
            for (int i = 0; i < TYPES.length; i++) {
                if ((mask & (1 << i)) != 0) {
                    out.add(TYPES[i].name());
                }
            }
            all.add(List.copyOf(out));
        }
        return List.copyOf(all);
    }

    public static int count() {
        return TYPES.length;
    }

    /** The code of an engagement type, or -1 when {@code rel} is not an engagement. */
    public static int code(Rel rel) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i] == rel) {
                return i;
            }
        }
        return -1;
    }

    /** The code of an engagement type name, or -1 when it is not one. */
    public static int code(String relationshipType) {
        for (int i = 0; i < TYPES.length; i++) {
            if (TYPES[i].name().equals(relationshipType)) {
                return i;
            }
        }
        return -1;
    }

    public static Rel rel(int code) {
        return TYPES[code];
    }

    public static int mask(EnumSet<Rel> types) {
        int mask = 0;
        for (Rel r : types) {
            int c = code(r);
            if (c < 0) {
                throw new IllegalArgumentException(r + " is not an engagement type");
            }
            mask |= 1 << c;
        }
        return mask;
    }

    /** Names of the types in a mask, in declaration order; an immutable list. O(1). */
    public static List<String> names(int mask) {
        return NAMES.get(mask & ALL);
    }
}
