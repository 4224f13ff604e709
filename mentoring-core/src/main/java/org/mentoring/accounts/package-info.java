/** Accounts of researchers, mentors and admins: sign-up, invitations, passwords, sign-in throttling. */
package org.mentoring.accounts;
