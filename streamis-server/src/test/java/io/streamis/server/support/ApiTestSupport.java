package io.streamis.server.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/** Small helpers over MockMvc: log in, call, read the envelope. */
public final class ApiTestSupport {

    public static final String API = "/api/rest_j/v1";

    private final MockMvc mvc;
    private final ObjectMapper json;

    public ApiTestSupport(MockMvc mvc, ObjectMapper json) {
        this.mvc = mvc;
        this.json = json;
    }

    public MockHttpSession login(String user, String password) throws Exception {
        MvcResult result = mvc.perform(post(API + "/user/login").contentType(MediaType.APPLICATION_JSON)
                .content("{\"userName\":\"" + user + "\",\"password\":\"" + password + "\"}")).andReturn();
        if (result.getResponse().getStatus() != 200) {
            throw new AssertionError("login failed: " + result.getResponse().getContentAsString());
        }
        // Login replaces the session (fixation guard); the new one is the caller's from now on.
        return (MockHttpSession) result.getRequest().getSession(false);
    }

    /**
     * The request's complete answer. A stop, savepoint or waiting bulk answers asynchronously: the servlet thread
     * returned already, and the answer is dispatched once the operation is settled.
     */
    public MvcResult perform(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        if (result.getRequest().isAsyncStarted()) {
            result.getAsyncResult(Duration.ofMinutes(5).toMillis());
            result = mvc.perform(asyncDispatch(result)).andReturn();
        }
        return result;
    }

    public JsonNode call(RequestBuilder request) throws Exception {
        MvcResult result = perform(request);
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        JsonNode node = json.readTree(body);
        int envelope = node.get("status").asInt();
        int http = result.getResponse().getStatus();
        int expectedHttp = switch (envelope) {
            case 0 -> 200;
            case -1 -> 401;
            case 2 -> 412;
            case 3 -> 403;
            default -> http >= 400 ? http : -1;
        };
        if (http != expectedHttp) {
            throw new AssertionError("HTTP " + http + " does not mirror envelope status " + envelope + ": " + body);
        }
        return node;
    }

    public JsonNode upload(MockHttpSession session, String project, String fileName, byte[] zip) throws Exception {
        return call(multipart(API + "/streamis/streamJobManager/job/upload").file(
                new MockMultipartFile("file", fileName, "application/zip", zip)).param("projectName", project)
                .session(session));
    }

    public JsonNode postJson(MockHttpSession session, String path, String body) throws Exception {
        return call(post(API + path).session(session).contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
