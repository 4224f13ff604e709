package org.mentoring.web.page;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.RequestDispatcher;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class ErrorAnswerControllerTest {

    /** The error dispatch after a page failed while it rendered: the response is already marked as HTML. */
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new ErrorAnswerController(new DefaultErrorAttributes(), new ServerProperties(), List.of()))
            .addFilter((request, response, chain) -> {
                response.setContentType("text/html;charset=UTF-8");
                chain.doFilter(request, response);
            }).build();

    @Test
    void aFailureWhilePageRendersAnswersAClientThatTakesAnythingWithTheStatusInJson() throws Exception {
        mvc.perform(get("/error").accept(MediaType.ALL)
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/admin/runs/r-1/status"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
                .andExpect(jsonPath("$.status").value(500))
                .andExpect(jsonPath("$.path").value("/admin/runs/r-1/status"));
    }
}
