/** The audit trail: every admin action and every failed sign-in, with who and when. */
package org.mentoring.audit;
