/** The hierarchical research-domain taxonomy and domain affinity on it. */
package org.mentoring.taxonomy;
