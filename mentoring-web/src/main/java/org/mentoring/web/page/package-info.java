/** What every page shares: the viewer in the model, field errors, the taxonomy tree and the weekly slot rows. */
package org.mentoring.web.page;
