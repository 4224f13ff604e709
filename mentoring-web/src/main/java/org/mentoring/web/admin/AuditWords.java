package org.mentoring.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

/** The audit trail's kinds of action in words, for the audit page's picker and its rows. */
final class AuditWords {

    /** Every action the app records, in words; an action not listed here shows as it is stored. */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("import", "Imported people");
        ACTIONS.put("import.rejected", "An import was rejected");
        ACTIONS.put("import.interrupted", "An import was interrupted");
        ACTIONS.put("run.start", "Started a matching run");
        ACTIONS.put("run.cancel", "Stopped a matching run");
        ACTIONS.put("matching-run.publish", "Published a run's proposals");
        ACTIONS.put("proposal.answer", "Answered an offer on someone's behalf");
        ACTIONS.put("proposal.override", "Changed the mentor of a proposal");
        ACTIONS.put("proposal.pin", "Pinned a pair for later runs");
        ACTIONS.put("proposal.unpin", "Unpinned a pair");
        ACTIONS.put("pin.dropped", "A run dropped a pin it could no longer keep");
        ACTIONS.put("request.edit", "Changed a request");
        ACTIONS.put("request.withdraw", "Withdrew a request");
        ACTIONS.put("request.reopen", "Opened a withdrawn request again");
        ACTIONS.put("mentor.edit", "Changed a mentor's profile");
        ACTIONS.put("mentor.capacity", "Changed a mentor's capacity");
        ACTIONS.put("account.invite", "Sent an invitation");
        ACTIONS.put("account.invite-bulk", "Sent invitations to several people");
        ACTIONS.put("account.enable", "Enabled an account");
        ACTIONS.put("account.disable", "Disabled an account");
        ACTIONS.put("account.take-over", "An import took over an unconfirmed sign-up");
        ACTIONS.put("account.create-admin", "Created the first coordinator account");
        ACTIONS.put("account.verify-email", "Confirmed an email address");
        ACTIONS.put("account.password-reset-link", "Asked for a password reset link");
        ACTIONS.put("delivery.retry", "Sent an undelivered email again");
        ACTIONS.put("backup.download", "Downloaded a backup");
        ACTIONS.put("backup.restore", "Restored a backup");
        ACTIONS.put("sign-in.failed", "A sign-in failed");
        ACTIONS.put("sign-in.refused", "A sign-in was refused after too many failures");
    }

    private AuditWords() {
    }

    static String of(String action) {
        return action == null ? "" : ACTIONS.getOrDefault(action, action);
    }
}
