package org.mentoring.api.people;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;
import org.springframework.data.domain.Page;

/** One page of a list. */
@Schema(description = "One page of a list, by externalId")
public record PageResponse<T>(
        List<T> content,
        @Schema(description = "Page number, from 0") int page,
        @Schema(description = "Page size asked for") int size,
        long totalElements,
        int totalPages) {

    static <S, T> PageResponse<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
