package org.mentoring.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void namesPeopleWriteInAnyScriptAreAccepted() {
        assertThat(PlainText.problem("Dr. Amaka Ọ̀kàfọ̀-Nwosu")).isEmpty();
        assertThat(PlainText.problem("王小明")).isEmpty();
        assertThat(PlainText.problem("مریم میرزاخانی")).isEmpty();
        // Persian writes some words with a zero-width non-joiner; it stays allowed
        assertThat(PlainText.problem("می\u200Cخواهم")).isEmpty();
        assertThat(PlainText.problem("O'Brien <script>")).isEmpty();
    }

    @Test
    void textOfOnlyInvisibleCharactersIsRefused() {
        assertThat(PlainText.problem("\u200B\u200B\u200B")).contains("contains an invisible character (U+200B); "
                + "remove it");
        assertThat(PlainText.problem("\u3164")).hasValueSatisfying(m -> assertThat(m).contains("U+3164"));
        assertThat(PlainText.problem("\u200D \u200C")).contains("has no visible character");
        assertThat(PlainText.problem("\u3000")).contains("has no visible character");
    }

    @Test
    void controlAndBidirectionalCharactersAreRefusedWithTheirCode() {
        assertThat(PlainText.problem("Ann\u0000a")).hasValueSatisfying(m -> assertThat(m)
                .startsWith("contains a control character (U+0000)"));
        assertThat(PlainText.problem("Anna\nSmith")).hasValueSatisfying(m -> assertThat(m).contains("U+000A"));
        for (char bidi : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067',
            '\u2068', '\u2069', '\u200E', '\u200F'}) {
            assertThat(PlainText.problem("Anna " + bidi + "htimS")).hasValueSatisfying(m -> assertThat(m)
                    .startsWith("contains a bidirectional control character (U+" + Integer.toHexString(bidi)
                            .toUpperCase(java.util.Locale.ROOT) + ")"));
        }
        assertThat(PlainText.problem("Anna\uD800")).hasValueSatisfying(m -> assertThat(m).contains("broken"));
    }

    @Test
    void aCommentKeepsItsLineBreaksButNotOtherControls() {
        assertThat(PlainText.multiLineProblem("Good start.\r\n\tWe meet weekly.")).isEmpty();
        assertThat(PlainText.multiLineProblem("")).isEmpty();
        assertThat(PlainText.multiLineProblem("ok\u0007")).hasValueSatisfying(m -> assertThat(m).contains("U+0007"));
        assertThat(PlainText.multiLineProblem("ok \u202Egnp.exe")).isPresent();
    }
}
