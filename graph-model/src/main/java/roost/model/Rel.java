package roost.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.neo4j.graphdb.RelationshipType;

/**
 * Every relationship type of the Roost graph. Each relationship carries {@link Props#CREATED_AT}.
 *
 * <p>Directions: {@code (:User)-[:FOLLOWS]->(:User)}, {@code (:User)-[:POSTED]->(:Tweet)},
 * engagements {@code (:User)-[:LIKED|...]->(:Tweet)}, negative signals {@code (:User)-[:BLOCKED|MUTED]->(:User)},
 * {@code (:User)-[:NOT_INTERESTED|REPORTED]->(:Tweet|:User)}.
 */
public enum Rel implements RelationshipType {
    FOLLOWS(Kind.SOCIAL),
    POSTED(Kind.SOCIAL),

    LIKED(Kind.ENGAGEMENT),
    RETWEETED(Kind.ENGAGEMENT),
    REPLIED(Kind.ENGAGEMENT),
    QUOTED(Kind.ENGAGEMENT),
    CLICKED(Kind.ENGAGEMENT),
    PROFILE_CLICKED(Kind.ENGAGEMENT),
    VIDEO_VIEWED(Kind.ENGAGEMENT),
    DWELLED(Kind.ENGAGEMENT),

    BLOCKED(Kind.NEGATIVE),
    MUTED(Kind.NEGATIVE),
    NOT_INTERESTED(Kind.NEGATIVE),
    REPORTED(Kind.NEGATIVE);

    /** What a relationship type means to the timeline. */
    public enum Kind {
        SOCIAL,
        ENGAGEMENT,
        NEGATIVE
    }

    private final Kind kind;

    Rel(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isEngagement() {
        return kind == Kind.ENGAGEMENT;
    }

    public boolean isNegative() {
        return kind == Kind.NEGATIVE;
    }

    /** Negative signals that may point at a user. */
    public static final Set<Rel> USER_SIGNALS = EnumSet.of(BLOCKED, MUTED, NOT_INTERESTED, REPORTED);

    /** Negative signals that may point at a tweet. */
    public static final Set<Rel> TWEET_SIGNALS = EnumSet.of(NOT_INTERESTED, REPORTED);

    public static Set<Rel> ofKind(Kind kind) {
        EnumSet<Rel> out = EnumSet.noneOf(Rel.class);
        for (Rel r : values()) {
            if (r.kind == kind) {
                out.add(r);
            }
        }
        return out;
    }

    /** Parses a type name case-insensitively; empty when it is not one of Roost's types. */
    public static Optional<Rel> parse(String name) {
        String upper = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst();
    }
}
