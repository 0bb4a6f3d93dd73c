package roost.api.timeline;

import java.util.List;
import org.neo4j.graphdb.Transaction;

/**
 * One source of timeline candidates. A source reads the database in the transaction it is given
 * and returns its candidates best first; it may fail or be slow, and the timeline is built
 * without it then (fail open).
 */
public interface CandidateSource {
    /** The name shown in explanations and in the {@code sources} request parameter. */
    String name();

    /** Up to {@code max} candidates for the viewer, best first. */
    List<Candidate> candidates(Transaction tx, Viewer viewer, int max);
}
