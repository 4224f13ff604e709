/** The researcher's page: their mentorship request, submitted and edited in a form. */
package org.mentoring.web.request;
