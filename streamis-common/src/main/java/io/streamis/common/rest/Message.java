package io.streamis.common.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Linkis {@code Message} envelope every REST answer is wrapped in: {@code {method, status, message, data}}.
 * Status 0 ok, 1 error, -1 not logged in, 2 validation failed, 3 no permission.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public final class Message {

    private String method;
    private int status;
    private String message;
    private final Map<String, Object> data = new LinkedHashMap<>();

    private Message(int status, String message) {
        this.status = status;
        this.message = message;
    }

    public static Message ok() {
        return new Message(0, "OK");
    }

    public static Message ok(String message) {
        return new Message(0, message);
    }

    public static Message of(int status, String message) {
        return new Message(status, message);
    }

    public Message data(String key, Object value) {
        data.put(key, value);
        return this;
    }

    public Message dataAll(Map<String, ?> values) {
        data.putAll(values);
        return this;
    }

    public Message method(String method) {
        this.method = method;
        return this;
    }

    public String getMethod() {
        return method;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public Map<String, Object> getData() {
        return data;
    }
}
