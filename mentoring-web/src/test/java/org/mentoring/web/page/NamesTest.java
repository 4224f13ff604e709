package org.mentoring.web.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {

    private final Names names = new Names(null);

    @Test
    void aZoneIsNamedByItsCityAndOffsetAndOneWithoutACityByItsOffset() {
        assertThat(Names.zoneLabel("Asia/Kolkata")).isEqualTo("Kolkata (Asia/Kolkata, UTC+5:30)");
        assertThat(Names.zoneLabel("UTC")).isEqualTo("UTC");
        assertThat(Names.zoneLabel("Etc/GMT+3")).isEqualTo("GMT+3 (Etc/GMT+3, UTC-3)");
    }

    @Test
    void aSavedZoneTheListLacksComesFirstByNameAndAnUnknownOneAsWritten() {
        List<Names.Choice> withUtc = names.zonesWith("UTC");
        assertThat(withUtc.get(0)).isEqualTo(new Names.Choice("UTC", "UTC"));
        assertThat(names.zonesWith("Etc/GMT-2").get(0)).isEqualTo(new Names.Choice("Etc/GMT-2",
                "GMT-2 (Etc/GMT-2, UTC+2)"));
        // a zone typed wrong in an import is kept as written, so that the form can say what is wrong with it
        assertThat(names.zonesWith("Mars/Olympus").get(0)).isEqualTo(new Names.Choice("Mars/Olympus",
                "Mars/Olympus"));
        assertThat(names.zonesWith("Africa/Nairobi")).isSameAs(names.zones());
    }
}
