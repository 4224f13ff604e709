package org.mentoring.web.security;

/** The admin the security tests' apps create at start. */
final class SecurityTests {

    static final String ADMIN_EMAIL = "coordinator@test.example.org";
    static final String ADMIN_PASSWORD = "Test-admin-pass-2026";
    static final String ADMIN_EMAIL_PROPERTY = "mentoring.admin.email=" + ADMIN_EMAIL;
    static final String ADMIN_PASSWORD_PROPERTY = "mentoring.admin.password=" + ADMIN_PASSWORD;

    private SecurityTests() {
    }
}
