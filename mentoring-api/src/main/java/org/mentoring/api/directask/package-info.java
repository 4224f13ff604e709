/** Direct asks over HTTP: a researcher asks one mentor; the coordinator's switch and list. */
package org.mentoring.api.directask;
