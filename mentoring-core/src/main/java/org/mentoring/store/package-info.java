/** The MongoDB store: an in-process server on disk by default, a real MongoDB when MONGODB_URI is set. */
package org.mentoring.store;
