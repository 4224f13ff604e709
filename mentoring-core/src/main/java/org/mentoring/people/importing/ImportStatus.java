package org.mentoring.people.importing;

/** Where an import that writes stands. A rejected import or a dry run writes nothing and is not journalled. */
public enum ImportStatus {
    /** Its records are being written. */
    WRITING,
    /** Every record was written. */
    COMPLETED,
    /** Writing stopped on an error; the records before it are stored, each whole. */
    FAILED,
    /** The application stopped while it was writing; the records written before are stored, each whole. */
    INTERRUPTED
}
