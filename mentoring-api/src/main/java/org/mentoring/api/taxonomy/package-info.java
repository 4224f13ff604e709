/** GET and PUT /api/v1/taxonomy and /api/v1/topics: the programme's taxonomy and topic list. */
package org.mentoring.api.taxonomy;
