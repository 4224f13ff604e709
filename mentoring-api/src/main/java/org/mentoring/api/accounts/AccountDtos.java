package org.mentoring.api.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.mentoring.accounts.Account;
import org.mentoring.accounts.AccountInvitations;
import org.mentoring.accounts.InvitationStatus;
import org.mentoring.accounts.Role;
import org.mentoring.audit.AuditEvent;

/** The request and response bodies of the accounts API. */
final class AccountDtos {

    private AccountDtos() {
    }

    @Schema(description = "A researcher signing up. The password has 12 to 64 characters and at most 72 bytes in "
            + "UTF-8, is not a common or leaked password, and does not contain the email or the name; any mix of "
            + "letters, digits, spaces and symbols is fine. A password that breaks these is a 422 naming it.")
    record SignUpRequest(
            @NotBlank(message = "Give your email address") @Size(max = 254) String email,
            @NotBlank(message = "Choose a password") String password,
            @NotBlank(message = "Give your name") @Size(max = 200) String name) {

        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + ", name=" + name + "]";
        }
    }

    @Schema(description = "An account; never carries a password or its hash. emailVerified is false for a self "
            + "sign-up whose owner has not yet opened the link emailed to them; such an account owns nothing.")
    record AccountResponse(String id, String email, String name, Role role, boolean enabled,
            String personExternalId, boolean passwordSet, Instant createdAt, boolean emailVerified) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.name(), account.role(),
                    account.enabled(), account.personExternalId(), account.passwordSet(), account.createdAt(),
                    account.emailVerified());
        }
    }

    @Schema(description = "Who is signed in and with which role. While emailVerified is false the account owns "
            + "nothing: open the link emailed at sign-up, or ask for a new one with "
            + "POST /api/v1/me/verification-email.")
    record MeResponse(String email, String name, Role role, String personExternalId, boolean emailVerified) {
    }

    @Schema(description = "The address of an account whose password is forgotten.")
    record PasswordResetRequest(@NotBlank(message = "Give your email address") @Size(max = 254) String email) {
    }

    @Schema(description = "The one-time token of an email verification link (the token parameter of "
            + "/verify-email?token=...).")
    record VerifyEmailRequest(@NotBlank(message = "The link's token is missing") @Size(max = 100) String token) {

        @Override
        public String toString() {
            return "VerifyEmailRequest[hidden]";
        }
    }

    @Schema(description = "A new verification link went to this address; it works until linkExpiresAt and the "
            + "earlier one no longer does.")
    record VerificationEmailResponse(String sentTo, Instant linkExpiresAt) {
    }

    @Schema(description = "An account a coordinator brought in, with where its invitation stands: NOT_SENT, SENT, "
            + "ACCEPTED (password chosen, address proven) or EXPIRED (the link ran out unused).")
    record InvitedAccountResponse(AccountResponse account, InvitationStatus status, Instant invitationSentAt,
            Instant linkExpiresAt) {

        static InvitedAccountResponse of(AccountInvitations.InvitedAccount invited) {
            return new InvitedAccountResponse(AccountResponse.of(invited.account()), invited.status(),
                    invited.invitationSentAt(), invited.linkExpiresAt());
        }
    }

    @Schema(description = "Whom to invite: either accountIds (at most 1000) or a status (NOT_SENT, SENT to send a "
            + "fresh link, EXPIRED) to invite every account brought in that is in it.")
    record BulkInvitationRequest(@Size(max = AccountInvitations.MAX_SELECTED,
            message = "Name at most 1000 accounts at a time") List<String> accountIds, InvitationStatus status) {
    }

    @Schema(description = "An account a bulk invitation left alone, and why.")
    record SkippedInvitationResponse(AccountResponse account, String reason) {
    }

    @Schema(description = "What a bulk invitation did: one email per invitation sent (each link also given here, to "
            + "pass on when no mail server is configured), and the accounts left alone.")
    record BulkInvitationResponse(int sent, List<InvitationResponse> invitations,
            List<SkippedInvitationResponse> skipped) {
    }

    @Schema(description = "A signed-in person changing their own password.")
    record ChangePasswordRequest(@NotBlank(message = "Give your current password") String currentPassword,
            @NotBlank(message = "Choose a new password") String newPassword) {

        @Override
        public String toString() {
            return "ChangePasswordRequest[hidden]";
        }
    }

    @Schema(description = "Choosing a password with the one-time token of an invitation link.")
    record SetPasswordRequest(@NotBlank(message = "The link's token is missing") String token,
            @NotBlank(message = "Choose a password") String password) {

        @Override
        public String toString() {
            return "SetPasswordRequest[hidden]";
        }
    }

    @Schema(description = "An admin inviting a person; they get a one-time link to choose their password.")
    record InvitationRequest(@NotBlank(message = "Give the email address") String email,
            @NotBlank(message = "Give the name") String name,
            @NotNull(message = "Choose RESEARCHER, MENTOR or ADMIN") Role role,
            @Schema(description = "The mentor profile's externalId this account belongs to, if any")
            String personExternalId) {
    }

    @Schema(description = "The invited account and its one-time set-password link, valid until expiresAt. Pass the "
            + "link on to the person; it is shown only once.")
    record InvitationResponse(AccountResponse account, String setPasswordUrl, Instant expiresAt) {
    }

    @Schema(description = "One entry of the audit trail.")
    record AuditEventResponse(String id, Instant at, String actor, String action, String target, String detail,
            String address) {

        static AuditEventResponse of(AuditEvent event) {
            return new AuditEventResponse(event.id(), event.at(), event.actor(), event.action(), event.target(),
                    event.detail(), event.address());
        }
    }
}
