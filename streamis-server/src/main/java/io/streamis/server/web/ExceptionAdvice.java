package io.streamis.server.web;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.common.error.Text;
import io.streamis.common.rest.Message;
import io.streamis.jobmanager.lifecycle.RunTexts;
import io.streamis.server.audit.AuditInterceptor;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestValueException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** The one place errors become responses: the envelope with the rule that was broken, never a stack trace. */
@RestControllerAdvice
class ExceptionAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ExceptionAdvice.class);

    private final MessageSource messages;

    ExceptionAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(StreamisException.class)
    ResponseEntity<Message> business(StreamisException e, HttpServletRequest request) {
        if (e.code() == ErrorCode.INTERNAL || e.code() == ErrorCode.FLINK_UNAVAILABLE) {
            LOG.warn("{} {} failed: {}", request.getMethod(), request.getRequestURI(), e.getMessage(), e);
        }
        // In the caller's language (Accept-Language) when the error has a key; the English message otherwise.
        // The audit row keeps the key instead, for whoever reads it later. A run's text the error names (why a
        // stop failed, as its operation recorded it) is said in that language too.
        if (e.messageKey() != null) {
            request.setAttribute(AuditInterceptor.ERROR_TEXT, Text.of(e));
        }
        String message = e.getMessage() == null
                ? Text.localise(messages, LocaleContextHolder.getLocale(), e.messageKey(), null, e.args())
                : RunTexts.localise(Text.of(e), messages, LocaleContextHolder.getLocale());
        return respond(e.code(), message, request);
    }

    @ExceptionHandler({MissingRequestValueException.class, MethodArgumentTypeMismatchException.class})
    ResponseEntity<Message> badParameter(Exception e, HttpServletRequest request) {
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.bad-parameter", "Parameter '" + m.getName()
                    + "' has an invalid value '" + m.getValue() + "'", m.getName(), m.getValue()), request);
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.missing-parameter", e.getMessage(),
                    m.getParameterName()), request);
        }
        return respond(ErrorCode.VALIDATION, e.getMessage(), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Message> unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.unreadable-body", "The request body is missing or is"
                + " not valid JSON of the expected shape"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Message> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.upload-too-large", "The upload is larger than the"
                + " server accepts (spring.servlet.multipart.max-file-size)"), request);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Message> multipart(MultipartException e, HttpServletRequest request) {
        return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.not-multipart", "The request must be"
                + " multipart/form-data with a 'file' part"), request);
    }

    @ExceptionHandler({HttpRequestMethodNotSupportedException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Message> method(Exception e, HttpServletRequest request) {
        return respond(ErrorCode.BAD_REQUEST, e.getMessage(), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Message> notFound(NoResourceFoundException e, HttpServletRequest request) {
        return respond(ErrorCode.NOT_FOUND, Text.of("NOT_FOUND.endpoint", "No such endpoint: "
                + request.getRequestURI(), request.getRequestURI()), request);
    }

    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    ResponseEntity<Message> constraint(Exception e, HttpServletRequest request) {
        LOG.info("{} {} broke a database constraint: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(ErrorCode.VALIDATION, Text.of("VALIDATION.constraint", "A value is too long or conflicts with"
                + " existing data"), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Message> unexpected(Exception e, HttpServletRequest request) {
        LOG.error("{} {} failed unexpectedly", request.getMethod(), request.getRequestURI(), e);
        return respond(ErrorCode.INTERNAL, Text.of("INTERNAL.unexpected", "Internal error ("
                + e.getClass().getSimpleName() + "); the server log has the details", e.getClass().getSimpleName()),
                request);
    }

    /** Answers a text of the boundary's own in the caller's language; the audit row keeps its key. */
    private ResponseEntity<Message> respond(ErrorCode code, Text text, HttpServletRequest request) {
        request.setAttribute(AuditInterceptor.ERROR_TEXT, text);
        return respond(code, text.localise(messages, LocaleContextHolder.getLocale()), request);
    }

    static ResponseEntity<Message> respond(ErrorCode code, String message, HttpServletRequest request) {
        return ResponseEntity.status(code.httpStatus())
                .body(Message.of(code.envelopeStatus(), message).method(request.getRequestURI())
                        // Machine-readable, so clients (and the UI's i18n) can tell e.g. a throttled login apart.
                        .data("errorCode", code.name()));
    }
}
