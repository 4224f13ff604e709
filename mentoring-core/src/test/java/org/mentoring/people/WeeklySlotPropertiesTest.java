package org.mentoring.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.DayOfWeek;
import java.time.LocalTime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** {@link WeeklySlot#parse} on any text: a slot or a clear rejection, and every slot reads back from its text. */
class WeeklySlotPropertiesTest {

    @Property
    void anySlotReadsBackFromItsText(@ForAll("slots") WeeklySlot slot) {
        assertThat(WeeklySlot.parse(slot.toText())).isEqualTo(slot);
    }

    @Property
    void anyTextIsASlotOrAnIllegalArgumentNamingIt(@ForAll("slotLikeText") String text) {
        Throwable thrown = catchThrowable(() -> WeeklySlot.parse(text));

        if (thrown != null) {
            assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(thrown.getMessage()).isNotBlank();
        }
    }

    @Property
    void aParsedSlotEndsAfterItStartsWithinItsDay(@ForAll("slotLikeText") String text) {
        WeeklySlot slot;
        try {
            slot = WeeklySlot.parse(text);
        } catch (IllegalArgumentException rejected) {
            return;
        }
        assertThat(slot.minutes()).isBetween(1, 24 * 60);
        assertThat(slot.endMinuteOfDay()).isLessThanOrEqualTo(24 * 60);
    }

    @Provide
    Arbitrary<WeeklySlot> slots() {
        Arbitrary<DayOfWeek> day = Arbitraries.of(DayOfWeek.class);
        Arbitrary<Integer> start = Arbitraries.integers().between(0, 24 * 60 - 1);
        Arbitrary<Integer> length = Arbitraries.integers().between(1, 24 * 60);
        return Combinators.combine(day, start, length).as((d, s, l) -> {
            int end = Math.min(s + l, 24 * 60);
            return new WeeklySlot(d, LocalTime.ofSecondOfDay(s * 60L),
                    end == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.ofSecondOfDay(end * 60L));
        });
    }

    /** Free text, and text shaped like a slot with any day word and any digits, so both branches are reached. */
    @Provide
    Arbitrary<String> slotLikeText() {
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(40);
        Arbitrary<String> dayWord = Arbitraries.oneOf(
                Arbitraries.of("MON", "tue", "Wednesday", "THU", "fri", "SAT", "sun", "Mo", "MONDAYS", "xyz"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10));
        Arbitrary<String> time = Combinators.combine(Arbitraries.integers().between(0, 99),
                Arbitraries.integers().between(0, 99)).as((h, m) -> h + ":" + String.format("%02d", m));
        Arbitrary<String> shaped = Combinators.combine(dayWord, time, time, Arbitraries.of(" ", "  ", "\t"))
                .as((d, s, e, gap) -> d + gap + s + "-" + e);
        return Arbitraries.frequencyOf(
                Tuple.of(1, anything),
                Tuple.of(3, shaped));
    }
}
