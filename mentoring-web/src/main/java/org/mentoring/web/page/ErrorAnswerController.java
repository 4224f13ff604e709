package org.mentoring.web.page;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.servlet.error.BasicErrorController;
import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.boot.web.servlet.error.ErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;

/**
 * Spring Boot's error answers (the error page for a browser, the error JSON for anyone else), with one difference:
 * the JSON says it is JSON. A failure while a page or an htmx fragment renders leaves the response marked
 * {@code text/html}; Boot's JSON answer kept that mark, found no way to write a map as HTML, and the caller got the
 * servlet container's bare error page instead of an answer with the status.
 */
@Controller
class ErrorAnswerController extends BasicErrorController {

    @Autowired
    ErrorAnswerController(ErrorAttributes errorAttributes, ServerProperties server,
            ObjectProvider<ErrorViewResolver> resolvers) {
        this(errorAttributes, server, resolvers.orderedStream().toList());
    }

    ErrorAnswerController(ErrorAttributes errorAttributes, ServerProperties server, List<ErrorViewResolver> resolvers) {
        super(errorAttributes, server.getError(), resolvers);
    }

    @Override
    public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        ResponseEntity<Map<String, Object>> answer = super.error(request);
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .contentType(MediaType.APPLICATION_JSON).body(answer.getBody());
    }
}
