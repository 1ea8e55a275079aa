package io.streamis.appconn;

import com.webank.wedatasphere.dss.common.utils.DSSCommonUtils;
import com.webank.wedatasphere.dss.standard.app.sso.Workspace;
import com.webank.wedatasphere.dss.standard.app.sso.builder.SSOUrlBuilderOperation;
import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSHttpAction;
import com.webank.wedatasphere.dss.standard.app.structure.AbstractStructureOperation;
import com.webank.wedatasphere.dss.standard.app.structure.StructureRequestRef;
import com.webank.wedatasphere.dss.standard.common.entity.ref.ResponseRef;
import com.webank.wedatasphere.dss.standard.common.exception.operation.ExternalOperationFailedException;
import com.webank.wedatasphere.dss.standard.sso.utils.SSOHelper;
import java.util.Collections;
import java.util.Map;
import org.apache.linkis.httpclient.response.HttpResult;

/**
 * One call to Streamis' project API through DSS's SSO request path: the URL is built by DSS's SSO URL builder
 * (which appends {@code dssurl}, {@code cookies}, {@code workspace}, {@code appName}), the request carries the
 * user's DSS cookies, and, when configured, the gateway token headers Streamis trusts. The Linkis envelope's
 * status decides: anything but 0 is an {@link ExternalOperationFailedException} naming Streamis' message.
 */
abstract class StreamisOperation<K extends StructureRequestRef<K>, V extends ResponseRef>
        extends AbstractStructureOperation<K, V> {

    static final String PROJECT_API = "api/rest_j/v1/streamis/project/";

    /** Error codes of this AppConn (DSS shows them with the message). */
    static final int NO_WORKSPACE = 90301;
    static final int REFUSED = 90302;
    static final int UNREACHABLE = 90303;

    @Override
    protected String getAppConnName() {
        return StreamisAppConn.NAME;
    }

    /** Sends {@code action} to {@code project/<endpoint>} and returns the envelope's {@code data} when status is 0. */
    protected Map<String, Object> send(DSSHttpAction action, String endpoint, K ref, Map<String, String> query)
            throws ExternalOperationFailedException {
        Workspace workspace = ref.getWorkspace();
        if (workspace == null) {
            throw new ExternalOperationFailedException(NO_WORKSPACE, "DSS passed no workspace for " + endpoint
                    + "; the Streamis AppConn needs the user's DSS cookies to call Streamis");
        }
        try {
            SSOUrlBuilderOperation url = SSOHelper.createSSOUrlBuilderOperation(workspace);
            url.setAppName(getAppConnName());
            url.setReqUrl(mergeBaseUrl(PROJECT_API + endpoint));
            for (Map.Entry<String, String> q : query.entrySet()) {
                url.addQueryParameter(q.getKey(), q.getValue());
            }
            action.setUrl(url.getBuiltUrl());
            action.setUser(ref.getUserName());
            GatewayToken.configured().ifPresent(token -> token.sign(action, ref.getUserName()));
            HttpResult result = (HttpResult) ssoRequestOperation.requestWithSSO(url, action);
            return Envelope.data(endpoint, result.getStatusCode(), result.getResponseBody());
        } catch (ExternalOperationFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ExternalOperationFailedException(UNREACHABLE, "Streamis " + endpoint + " failed: "
                    + e.getMessage(), e);
        }
    }

    protected Map<String, String> noQuery() {
        return Collections.emptyMap();
    }

    /** The Linkis envelope {@code {method, status, message, data}} Streamis answers with. */
    static final class Envelope {

        private Envelope() {
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> data(String endpoint, int httpStatus, String body)
                throws ExternalOperationFailedException {
            Map<String, Object> envelope;
            try {
                envelope = body == null || body.trim().isEmpty() ? null
                        : DSSCommonUtils.COMMON_GSON.fromJson(body, Map.class);
            } catch (RuntimeException notJson) {
                envelope = null;
            }
            if (envelope == null || !(envelope.get("status") instanceof Number)) {
                throw new ExternalOperationFailedException(REFUSED, "Streamis " + endpoint + " answered HTTP "
                        + httpStatus + " without a Linkis envelope");
            }
            int status = ((Number) envelope.get("status")).intValue();
            Object data = envelope.get("data");
            if (status != 0) {
                Object code = data instanceof Map ? ((Map<String, Object>) data).get("errorCode") : null;
                throw new ExternalOperationFailedException(REFUSED, "Streamis refused " + endpoint + ": "
                        + envelope.get("message") + (code == null ? "" : " (" + code + ")"));
            }
            return data instanceof Map ? (Map<String, Object>) data : Collections.<String, Object>emptyMap();
        }
    }
}
