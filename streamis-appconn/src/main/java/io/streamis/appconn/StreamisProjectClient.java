package io.streamis.appconn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the DSS AppConn does inside DSS: mirror project create/update/delete/search into Streamis over its REST
 * API ({@code /streamis/project/*}), as the acting DSS user through the gateway token headers. It depends on no
 * DSS jar (dss-appconn-core is not on Maven Central), so a DSS plug-in wraps this class in a few lines.
 */
public class StreamisProjectClient {

    private final URI base;
    private final String tokenCode;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param baseUrl   e.g. {@code http://gateway:9001} or the Streamis server itself
     * @param tokenCode a {@code Token-Code} accepted by Streamis' gateway mode
     */
    public StreamisProjectClient(String baseUrl, String tokenCode) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.tokenCode = tokenCode;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Privileged users of a project as DSS knows them. */
    public record Privileges(List<String> releaseUsers, List<String> editUsers, List<String> accessUsers) {
    }

    public long createProject(String user, String projectName, Long workspaceId, Privileges p) {
        Map<String, Object> body = body(projectName, workspaceId, p);
        return call(user, "POST", "streamis/project/createProject", body).at("/data/projectId").asLong();
    }

    public void updateProject(String user, long projectId, String projectName, Long workspaceId, Privileges p) {
        Map<String, Object> body = body(projectName, workspaceId, p);
        body.put("projectId", projectId);
        call(user, "PUT", "streamis/project/updateProject", body);
    }

    public void deleteProject(String user, long projectId) {
        call(user, "DELETE", "streamis/project/deleteProject?projectId=" + projectId, null);
    }

    /** The project's id, or null when Streamis has no live project of that name. */
    public Long searchProject(String user, String projectName) {
        JsonNode id = call(user, "GET", "streamis/project/searchProject?projectName="
                + URLEncoder.encode(projectName, StandardCharsets.UTF_8), null).at("/data/projectId");
        return id.isMissingNode() || id.isNull() ? null : id.asLong();
    }

    private static Map<String, Object> body(String projectName, Long workspaceId, Privileges p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("projectName", projectName);
        body.put("workspaceId", workspaceId);
        body.put("releaseUsers", p.releaseUsers());
        body.put("editUsers", p.editUsers());
        body.put("accessUsers", p.accessUsers());
        return body;
    }

    private JsonNode call(String user, String method, String path, Object body) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve("api/rest_j/v1/" + path))
                    .timeout(Duration.ofSeconds(30)).header("Token-Code", tokenCode).header("Token-User", user)
                    .header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode node = json.readTree(r.body());
            if (node == null || node.path("status").asInt(1) != 0) {
                throw new StreamisAppConnException("Streamis refused " + method + " " + path + ": "
                        + (node == null ? "HTTP " + r.statusCode() : node.path("message").asText()));
            }
            return node;
        } catch (IOException e) {
            throw new StreamisAppConnException("Streamis is unreachable at " + base + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StreamisAppConnException("Interrupted calling Streamis");
        }
    }

    /** A call Streamis refused or could not be made. */
    public static class StreamisAppConnException extends RuntimeException {
        public StreamisAppConnException(String message) {
            super(message);
        }
    }
}
