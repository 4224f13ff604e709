package org.mentoring.api.security;

import org.mentoring.accounts.Role;
import org.mentoring.common.EmailAddress;
import org.mentoring.common.ForbiddenException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The person calling the API and what they may touch: admins everything, a researcher their own requests (by
 * exact equality of canonical emails, see {@link EmailAddress}), a mentor their own profile (by externalId).
 *
 * @param personExternalId the mentor profile a MENTOR account belongs to; null otherwise
 * @param emailVerified false for a self sign-up that has not opened its verification link: it owns nothing
 */
public record Viewer(String email, Role role, String personExternalId, boolean emailVerified) {

    static final String FORBIDDEN = "Your account may not do this or see this";

    /** The signed-in person; the security filters let no anonymous call reach a controller that asks. */
    public static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            throw new ForbiddenException(FORBIDDEN);
        }
        Role role = null;
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            String name = authority.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    Role candidate = Role.valueOf(name.substring(5));
                    if (role == null || candidate.ordinal() > role.ordinal()) {
                        role = candidate;
                    }
                } catch (IllegalArgumentException e) {
                    // not one of ours
                }
            }
        }
        if (role == null) {
            throw new ForbiddenException(FORBIDDEN);
        }
        String person = authentication.getPrincipal() instanceof SignedInUser user ? user.getPersonExternalId() : null;
        // the account's stored email as it is (sign-in looks accounts up by canonical email, so it is canonical); never
        // folded here, so that a look-alike account that reached the store around the checks stays itself and owns
        // nothing (see ownsRequest)
        boolean verified = !(authentication.getPrincipal() instanceof SignedInUser user) || user.isEmailVerified();
        return new Viewer(authentication.getName(), role, person, verified);
    }

    /** Who to name in the audit trail: the signed-in person's email, or "anonymous". */
    public static String actorName() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? "anonymous" : authentication.getName();
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /**
     * Whether this is the researcher who owns a request with this (stored, canonical) email: exact equality with the
     * account's canonical email, see {@link EmailAddress#owns}; never while the address is unproven.
     */
    public boolean ownsRequest(String requestEmail) {
        return emailVerified && role == Role.RESEARCHER && EmailAddress.owns(email, requestEmail);
    }

    /** Whether this is the mentor with this externalId (never while the address is unproven). */
    public boolean isMentor(String mentorExternalId) {
        return emailVerified && role == Role.MENTOR && mentorExternalId != null
                && mentorExternalId.equals(personExternalId);
    }

    /** Refuses anyone but admins. */
    public void requireAdmin() {
        if (!isAdmin()) {
            throw new ForbiddenException(FORBIDDEN);
        }
    }

    /** Refuses anyone but admins and the owner. */
    public void require(boolean owner) {
        if (!isAdmin() && !owner) {
            throw new ForbiddenException(FORBIDDEN);
        }
    }
}
