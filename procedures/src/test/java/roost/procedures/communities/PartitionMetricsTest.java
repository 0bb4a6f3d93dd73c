package roost.procedures.communities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PartitionMetricsTest {
    /** Two triangles joined by one edge, unit weights. */
    private static SimilarityGraph twoTriangles() {
        return new SimilarityGraph(
                new int[] {0, 1, 2, 3, 4, 5},
                new int[] {0, 0, 1, 3, 3, 4, 2},
                new int[] {1, 2, 2, 4, 5, 5, 3},
                new double[] {1, 1, 1, 1, 1, 1, 1});
    }

    @Test
    void modularityConductanceAndCoverageOfTwoTriangles() {
        PartitionQuality q = PartitionQuality.of(twoTriangles(), new int[] {0, 0, 0, 1, 1, 1}, 2);
        // m = 7; each side: inside 2*3, total degree 7: Q = 2 (6/14 - (7/14)^2).
        assertThat(q.modularity()).isCloseTo(2 * (6.0 / 14 - 0.25), within(1e-12));
        assertThat(q.conductance()).isCloseTo(1.0 / 7, within(1e-12));
        assertThat(q.coverage()).isCloseTo(6.0 / 7, within(1e-12));
    }

    @Test
    void oneCommunityHasModularityZeroAndUnassignedNodesCountAsOutside() {
        assertThat(PartitionQuality.of(twoTriangles(), new int[6], 1).modularity())
                .isCloseTo(0, within(1e-12));
        PartitionQuality q = PartitionQuality.of(twoTriangles(), new int[] {0, 0, 0, -1, -1, -1}, 1);
        assertThat(q.coverage()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(q.conductance()).isCloseTo(1.0 / 7, within(1e-12));
    }

    @Test
    void agreementOfIdenticalAndRelabelledPartitionsIsOne() {
        int[] a = {0, 0, 1, 1, 2, 2};
        assertThat(PartitionAgreement.of(a, a).nmi()).isCloseTo(1, within(1e-12));
        PartitionAgreement relabelled = PartitionAgreement.of(a, new int[] {5, 5, 3, 3, 9, 9});
        assertThat(relabelled.nmi()).isCloseTo(1, within(1e-12));
        assertThat(relabelled.ari()).isCloseTo(1, within(1e-12));
    }

    @Test
    void agreementMatchesTheTextbookExample() {
        // scikit-learn's documented example: NMI (arithmetic) 0.5158, ARI 0.2424.
        PartitionAgreement p = PartitionAgreement.of(new int[] {0, 0, 0, 1, 1, 1}, new int[] {0, 0, 1, 1, 2, 2});
        assertThat(p.nmi()).isCloseTo(0.5158, within(1e-4));
        assertThat(p.ari()).isCloseTo(0.2424, within(1e-4));
    }
}
