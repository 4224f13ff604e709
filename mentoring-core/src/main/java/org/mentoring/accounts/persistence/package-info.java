/** MongoDB documents and repositories of accounts and sign-in attempts. */
package org.mentoring.accounts.persistence;
