package org.mentoring.accounts;

import java.time.Instant;
import org.mentoring.accounts.Role;
import org.springframework.data.annotation.CreatedDate;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.LastModifiedDate;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/** An account as stored: the email is kept lower-case and unique; the password only as a BCrypt hash. */
// invitations not yet accepted (no password), in email order
@CompoundIndex(name = "passwordHash_email", def = "{'passwordHash': 1, 'email': 1}")
// the coordinator's list of accounts (AccountSearch), by role, enabled or both, in email order
@CompoundIndex(name = "role_email", def = "{'role': 1, 'email': 1}")
@CompoundIndex(name = "enabled_email", def = "{'enabled': 1, 'email': 1}")
@CompoundIndex(name = "role_enabled_email", def = "{'role': 1, 'enabled': 1, 'email': 1}")
@Document("accounts")
public class AccountDocument {

    @Id
    private String id;
    @Indexed(unique = true)
    private String email;
    private String name;
    private String passwordHash;
    @Indexed
    private Role role;
    private boolean enabled = true;
    @Indexed(sparse = true)
    private String personExternalId;
    /** SHA-256 of the one-time set-password token, never the token itself. */
    @Indexed(sparse = true)
    private String setPasswordTokenHash;
    private Instant setPasswordTokenExpiresAt;
    /** When the last invitation (set-password link) was emailed; null if none ever was. */
    private Instant invitationSentAt;
    /**
     * Whether the owner proved the address: false for a self sign-up until its link is used; null (accounts stored
     * before verification existed, imports' and invitations' accounts once their link is used) counts as proven.
     */
    private Boolean emailVerified;
    /** SHA-256 of the one-time email verification token, never the token itself. */
    @Indexed(sparse = true)
    private String emailVerificationTokenHash;
    private Instant emailVerificationExpiresAt;
    /** When the last verification email went out, and how many went out since the first of the last 24 hours. */
    private Instant verificationSentAt;
    private Instant verificationWindowStart;
    private int verificationsInWindow;
    /** When the last password reset link went out, and how many went out since the first of the last 24 hours. */
    private Instant passwordResetSentAt;
    private Instant passwordResetWindowStart;
    private int passwordResetsInWindow;
    /** Moves on when the account is disabled or its password changes: a session signed in before is over. */
    private long sessionEpoch;
    @CreatedDate
    private Instant createdAt;
    @LastModifiedDate
    private Instant updatedAt;
    @Version
    private Long version;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getPersonExternalId() {
        return personExternalId;
    }

    public void setPersonExternalId(String personExternalId) {
        this.personExternalId = personExternalId;
    }

    public String getSetPasswordTokenHash() {
        return setPasswordTokenHash;
    }

    public void setSetPasswordTokenHash(String setPasswordTokenHash) {
        this.setPasswordTokenHash = setPasswordTokenHash;
    }

    public Instant getSetPasswordTokenExpiresAt() {
        return setPasswordTokenExpiresAt;
    }

    public void setSetPasswordTokenExpiresAt(Instant setPasswordTokenExpiresAt) {
        this.setPasswordTokenExpiresAt = setPasswordTokenExpiresAt;
    }

    public Instant getInvitationSentAt() {
        return invitationSentAt;
    }

    public void setInvitationSentAt(Instant invitationSentAt) {
        this.invitationSentAt = invitationSentAt;
    }

    /** Whether the address is proven; an absent value (older accounts) counts as proven. */
    public boolean isEmailVerified() {
        return !Boolean.FALSE.equals(emailVerified);
    }

    public void setEmailVerified(boolean emailVerified) {
        this.emailVerified = emailVerified;
    }

    public String getEmailVerificationTokenHash() {
        return emailVerificationTokenHash;
    }

    public void setEmailVerificationTokenHash(String emailVerificationTokenHash) {
        this.emailVerificationTokenHash = emailVerificationTokenHash;
    }

    public Instant getEmailVerificationExpiresAt() {
        return emailVerificationExpiresAt;
    }

    public void setEmailVerificationExpiresAt(Instant emailVerificationExpiresAt) {
        this.emailVerificationExpiresAt = emailVerificationExpiresAt;
    }

    public Instant getVerificationSentAt() {
        return verificationSentAt;
    }

    public void setVerificationSentAt(Instant verificationSentAt) {
        this.verificationSentAt = verificationSentAt;
    }

    public Instant getVerificationWindowStart() {
        return verificationWindowStart;
    }

    public void setVerificationWindowStart(Instant verificationWindowStart) {
        this.verificationWindowStart = verificationWindowStart;
    }

    public int getVerificationsInWindow() {
        return verificationsInWindow;
    }

    public void setVerificationsInWindow(int verificationsInWindow) {
        this.verificationsInWindow = verificationsInWindow;
    }

    public Instant getPasswordResetSentAt() {
        return passwordResetSentAt;
    }

    public void setPasswordResetSentAt(Instant passwordResetSentAt) {
        this.passwordResetSentAt = passwordResetSentAt;
    }

    public Instant getPasswordResetWindowStart() {
        return passwordResetWindowStart;
    }

    public void setPasswordResetWindowStart(Instant passwordResetWindowStart) {
        this.passwordResetWindowStart = passwordResetWindowStart;
    }

    public int getPasswordResetsInWindow() {
        return passwordResetsInWindow;
    }

    public void setPasswordResetsInWindow(int passwordResetsInWindow) {
        this.passwordResetsInWindow = passwordResetsInWindow;
    }

    public long getSessionEpoch() {
        return sessionEpoch;
    }

    public void setSessionEpoch(long sessionEpoch) {
        this.sessionEpoch = sessionEpoch;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Long getVersion() {
        return version;
    }
}
