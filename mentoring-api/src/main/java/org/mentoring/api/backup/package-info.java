/** Backup and restore of the whole store over HTTP (ADMIN). */
package org.mentoring.api.backup;
