/** The programme's settings API: the first steps of the introduction every new pair gets. */
package org.mentoring.api.settings;
