/** POST /api/v1/import: mentors and requests from a JSON body or CSV files, all or nothing, with a report. */
package org.mentoring.api.importing;
