/** GET /api/v1/taxonomy: the research-domain taxonomy whose codes mentors and requests use. */
package org.mentoring.api.taxonomy;
