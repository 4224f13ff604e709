/** Published offers on the researcher's and the mentor's pages, with accept and decline. */
package org.mentoring.web.offer;
