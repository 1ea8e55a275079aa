package io.streamis.jobmanager.alert.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.stereotype.Component;

/** POSTs JSON to a channel with the configured timeout; anything but a 2xx answer is a failed delivery. */
@Component
public class HttpPoster {

    private final HttpClient http;
    private final ObjectMapper json;
    private final StreamisJobManagerProperties.Alerts settings;

    public HttpPoster(ObjectMapper json, StreamisJobManagerProperties properties) {
        this.json = json;
        this.settings = properties.alerts();
        this.http = HttpClient.newBuilder().connectTimeout(settings.httpTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code body} and returns the answer's JSON (a missing or non-JSON body reads as an empty object). */
    public JsonNode post(String url, String body, Map<String, String> headers) {
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url)).timeout(settings.httpTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(req::header);
        HttpResponse<String> res;
        try {
            res = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw failed("cannot reach " + hostOf(url) + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("interrupted while sending to " + hostOf(url));
        }
        if (res.statusCode() / 100 != 2) {
            throw failed(hostOf(url) + " answered HTTP " + res.statusCode() + ": " + cut(res.body()));
        }
        try {
            JsonNode n = res.body() == null || res.body().isBlank() ? null : json.readTree(res.body());
            return n == null ? json.createObjectNode() : n;
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    public static StreamisException failed(String message) {
        return new StreamisException(ErrorCode.ALERT_DELIVERY_FAILED, message);
    }

    static String cut(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    /** Only scheme and host in errors: chat webhook URLs carry their access token in the query. */
    static String hostOf(String url) {
        try {
            URI u = URI.create(url);
            return u.getScheme() + "://" + u.getAuthority();
        } catch (RuntimeException e) {
            return "the channel";
        }
    }
}
