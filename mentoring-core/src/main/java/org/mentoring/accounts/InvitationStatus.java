package org.mentoring.accounts;

/** Where a person's invitation stands, computed from the stored account (see {@link AccountInvitations}). */
public enum InvitationStatus {
    /** No set-password link was ever sent (an imported person, or a sign-up a coordinator has not invited). */
    NOT_SENT,
    /** A set-password link was sent and still works. */
    SENT,
    /** The person chose a password and their address is proven. */
    ACCEPTED,
    /** The link was sent but its time ran out before the person used it. */
    EXPIRED
}
