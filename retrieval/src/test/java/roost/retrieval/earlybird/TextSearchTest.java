package roost.retrieval.earlybird;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSearchTest {
    static final long T0 = 1_700_000_000_000L;

    @TempDir
    Path dir;

    TweetIndex index;
    TextSearch search;

    @BeforeEach
    void fill() {
        index = TweetIndex.open(dir, TweetIndex.Settings.DEFAULT);
        index.upsert(TweetDoc.of(1, 10, T0, "Graph databases are fast", "en"));
        index.upsert(TweetDoc.of(2, 11, T0 + 1000, "A graph of friends", "en"));
        index.upsert(TweetDoc.of(3, 10, T0 + 2000, "graph graph graph", "fr"));
        index.upsert(TweetDoc.of(4, 12, T0 + 3000, "nothing to see here", "en"));
        index.refresh();
        search = new TextSearch(index);
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<Long> ids(TextSearch.Request r) {
        return search.search(r).hits().stream().map(TextSearch.Hit::tweetId).toList();
    }

    @Test
    void matchesAnalysedTextAndOrdersByRelevanceOrRecency() {
        assertThat(ids(new TextSearch.Request("GRAPH", null, null, null, null, 10, null)))
                .containsExactlyInAnyOrder(1L, 2L, 3L)
                .first()
                .isEqualTo(3L);
        assertThat(ids(new TextSearch.Request("graph", null, null, null, null, 10, TextSearch.Order.RECENT)))
                .containsExactly(3L, 2L, 1L);
        assertThat(ids(new TextSearch.Request("graph friends", null, null, null, null, 10, null)))
                .containsExactly(2L);
        assertThat(ids(new TextSearch.Request("the", null, null, null, null, 10, null)))
                .isEmpty();
    }

    @Test
    void filtersByAuthorTimeAndLanguage() {
        assertThat(ids(new TextSearch.Request("graph", new long[] {10}, null, null, null, 10, null)))
                .containsExactlyInAnyOrder(1L, 3L);
        assertThat(ids(new TextSearch.Request("graph", null, T0 + 500, T0 + 1500, null, 10, null)))
                .containsExactly(2L);
        assertThat(ids(new TextSearch.Request("graph", null, null, null, "FR", 10, null)))
                .containsExactly(3L);
        TextSearch.Hit hit = search.search(new TextSearch.Request("friends", null, null, null, null, 1, null))
                .hits()
                .get(0);
        assertThat(hit)
                .extracting(TextSearch.Hit::authorId, TextSearch.Hit::createdAt, TextSearch.Hit::lang)
                .containsExactly(11L, T0 + 1000, "en");
        assertThat(hit.text()).isEqualTo("A graph of friends");
    }

    @Test
    void refusesABlankQueryOrABadLimit() {
        assertThatThrownBy(() -> new TextSearch.Request(" ", null, null, null, null, 10, null))
                .hasMessageContaining("query");
        assertThatThrownBy(() -> new TextSearch.Request("x", null, null, null, null, 0, null))
                .hasMessageContaining("limit");
    }
}
