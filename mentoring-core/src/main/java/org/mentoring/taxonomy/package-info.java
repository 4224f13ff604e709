/** The research-domain taxonomy and the topic list (the programme's own, kept in the store), and domain affinity. */
package org.mentoring.taxonomy;
