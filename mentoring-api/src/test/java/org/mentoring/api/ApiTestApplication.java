package org.mentoring.api;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The configuration the API's slice tests find; the web module holds the real application. */
@SpringBootApplication
public class ApiTestApplication {
}
