/** The /api/v1 REST API over the core: DTO records, their mappers, controllers and RFC 9457 problem details. */
package org.mentoring.api;
