/** Sign-up, who am I, passwords, invitations, account administration and the audit trail over HTTP. */
package org.mentoring.api.accounts;
