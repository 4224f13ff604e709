/** The programme's cycles: create one (ADMIN), list them with the one open for requests today. */
package org.mentoring.api.cycles;
