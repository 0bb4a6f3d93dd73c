package roost.retrieval.earlybird;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TweetDocTest {
    /** The patterns the scan replaces; it must find exactly what they find. */
    static final Pattern MENTION = Pattern.compile("(?<![\\w@])@(\\w{1,50})");

    static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#(\\w{1,100})");

    @Test
    void mentionsAndHashtagsAreReadFromTheText() {
        TweetDoc t = TweetDoc.of(1, 2, 3, "@Ann met@bob #Graph ##x @@y #a_1 (@Zed) é#no #", "en");
        assertThat(t.mentions()).containsExactly("ann", "zed");
        // "é" is not a word character (ASCII \w, as in the patterns), so "é#no" holds a hashtag.
        assertThat(t.hashtags()).containsExactly("graph", "a_1", "no");
        assertThat(TweetDoc.of(1, 2, 3, "no marks at all", "en").mentions()).isEmpty();
    }

    @Test
    void theScanFindsWhatTheRegularExpressionsFind() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "aZ_9@#@# .-é\n";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int len = random.nextInt(0, 40);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextInt(20) == 0) {
                b.append('@').append("x".repeat(random.nextInt(45, 120)));
                b.append(" #").append("y".repeat(random.nextInt(95, 220))).append("@z");
            }
            TweetDoc t = TweetDoc.of(1, 2, 3, b.toString(), "en");
            assertThat(t.mentions()).as(b.toString()).isEqualTo(matches(MENTION, b.toString()));
            assertThat(t.hashtags()).as(b.toString()).isEqualTo(matches(HASHTAG, b.toString()));
        }
    }

    private static List<String> matches(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return out;
    }
}
