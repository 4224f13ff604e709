package org.mentoring.api.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.mentoring.accounts.Account;
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

    @Schema(description = "An account; never carries a password or its hash.")
    record AccountResponse(String id, String email, String name, Role role, boolean enabled,
            String personExternalId, boolean passwordSet, Instant createdAt) {

        static AccountResponse of(Account account) {
            return new AccountResponse(account.id(), account.email(), account.name(), account.role(),
                    account.enabled(), account.personExternalId(), account.passwordSet(), account.createdAt());
        }
    }

    @Schema(description = "Who is signed in and with which role.")
    record MeResponse(String email, String name, Role role, String personExternalId) {
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
