/** The home address, which sends each role to its own page. */
package org.mentoring.web.home;
