package io.imageflow.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Every error the API answers: a stable code, a sentence for people, and what concerned which file or field. */
public record ErrorBody(String error, String message, List<Detail> details) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String file, String field, String message) {

        public static Detail ofFile(String file, String message) {
            return new Detail(file, null, message);
        }

        public static Detail ofField(String field, String message) {
            return new Detail(null, field, message);
        }
    }
}
