/** The coordinator's pages: dashboard, CSV import, matching runs watched live and their proposals. */
package org.mentoring.web.admin;
