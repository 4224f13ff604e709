package org.mentoring.matching.circles;

import java.util.List;
import java.util.Set;
import org.mentoring.time.WeeklyOverlap;

/**
 * One of the circles a mentor can lead (the {@code number}th of their {@code circles}), with what its rules need:
 * the mentor's week in UTC minutes on the circles' start date, whether the mentor is available on it, the sizes and
 * the meeting length, and the meeting starts that lie inside the mentor's week.
 */
public final class CircleSlot extends Place {

    private final int number;
    private final int[] mentorWeek;
    private final boolean mentorAvailable;
    private final int minSize;
    private final int maxSize;
    private final int meetingMinutes;
    private final List<Integer> starts;
    private final int coherenceWeight;
    private final int mixWeight;

    public CircleSlot(CircleMentor mentor, int mentorIndex, int number, int[] mentorWeek, boolean mentorAvailable,
            CircleSettings settings, CircleWeights weights) {
        super(mentor, mentorIndex);
        this.number = number;
        this.mentorWeek = mentorWeek;
        this.mentorAvailable = mentorAvailable;
        this.minSize = settings.minSize();
        this.maxSize = settings.maxSize();
        this.meetingMinutes = settings.meetingMinutes();
        this.starts = Meetings.startsWithin(mentorWeek, meetingMinutes);
        this.coherenceWeight = weights.coherence();
        this.mixWeight = weights.mix();
    }

    public int getNumber() {
        return number;
    }

    public int[] getMentorWeek() {
        return mentorWeek;
    }

    public boolean isMentorAvailable() {
        return mentorAvailable;
    }

    public int getMinSize() {
        return minSize;
    }

    public int getMaxSize() {
        return maxSize;
    }

    public int getMeetingMinutes() {
        return meetingMinutes;
    }

    /** Meeting starts (UTC minutes of the week, on quarter hours) inside the mentor's week. */
    public List<Integer> getStarts() {
        return starts;
    }

    public int getCoherenceWeight() {
        return coherenceWeight;
    }

    public int getMixWeight() {
        return mixWeight;
    }

    public Set<String> getLanguages() {
        return getMentor().languages();
    }

    @Override
    public boolean isCircle() {
        return true;
    }

    @Override
    public String toString() {
        return "circle " + number + " of " + getMentor().id() + " (" + WeeklyOverlap.length(mentorWeek) + " min/week)";
    }
}
