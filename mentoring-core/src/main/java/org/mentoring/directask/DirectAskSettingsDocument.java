package org.mentoring.directask;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The coordinator's switch for direct asks: the document {@code direct-asks} of the programme's {@code settings}
 * collection (declared here so that a backup of the store restores it).
 *
 * @param enabled false when the coordinator turned direct asks off; null or true: on
 */
@Document(DirectAskSettings.COLLECTION)
public record DirectAskSettingsDocument(@Id String id, Boolean enabled) {
}
