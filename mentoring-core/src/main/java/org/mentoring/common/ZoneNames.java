package org.mentoring.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/** Time zones in the words a person reads: the place, the zone's name and its offset from UTC on a given day. */
public final class ZoneNames {

    private ZoneNames() {
    }

    /** For example "Nairobi (East Africa Time, UTC+03:00)", with the offset of that day (noon UTC). */
    public static String of(ZoneId zone, LocalDate day) {
        return of(zone, day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    /** For example "Nairobi (East Africa Time, UTC+03:00)", with the offset at that instant. */
    public static String of(ZoneId zone, Instant at) {
        String[] parts = parts(zone, at);
        return parts.length == 1 ? parts[0] : parts[0] + " (" + String.join(", ", java.util.Arrays.copyOfRange(parts,
                1, parts.length)) + ")";
    }

    /** For example "Nairobi, East Africa Time, UTC+03:00", to put in parentheses after a time. */
    public static String flat(ZoneId zone, LocalDate day) {
        return String.join(", ", parts(zone, day.atTime(12, 0).toInstant(ZoneOffset.UTC)));
    }

    private static String[] parts(ZoneId zone, Instant at) {
        ZoneOffset offset = zone.getRules().getOffset(at);
        String id = zone.getId();
        String place = id.substring(id.lastIndexOf('/') + 1).replace('_', ' ');
        String name = zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String utc = "UTC" + (offset.getTotalSeconds() == 0 ? "" : offset.getId());
        if (!id.contains("/")) {
            return new String[] {utc};
        }
        if (name.equals(id) || name.startsWith("GMT") || name.startsWith("UTC")) {
            return new String[] {place, utc};
        }
        return new String[] {place, name, utc};
    }
}
