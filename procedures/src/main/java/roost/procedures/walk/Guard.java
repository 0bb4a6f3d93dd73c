package roost.procedures.walk;

/** Called between steps of a long computation; throws to stop it (Neo4j's {@code TerminationGuard::check}). */
@FunctionalInterface
public interface Guard {
    Guard NONE = () -> {};

    void check();
}
