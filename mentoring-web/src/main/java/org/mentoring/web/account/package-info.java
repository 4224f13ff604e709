/** The sign-in, sign-up and set-password pages. */
package org.mentoring.web.account;
