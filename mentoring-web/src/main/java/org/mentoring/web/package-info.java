/** The bootable application: one executable jar serving the API, the pages and the actuator. */
package org.mentoring.web;
