package io.streamis.server.web;

import io.streamis.common.rest.Message;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/** Fills the envelope's {@code method} with the request path, as Linkis does. */
@RestControllerAdvice
class EnvelopeMethodAdvice implements ResponseBodyAdvice<Message> {

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return Message.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public Message beforeBodyWrite(Message body, MethodParameter returnType, MediaType contentType,
                                   Class<? extends HttpMessageConverter<?>> converterType,
                                   ServerHttpRequest request, ServerHttpResponse response) {
        if (body != null && body.getMethod() == null) {
            body.method(request.getURI().getPath());
        }
        return body;
    }
}
