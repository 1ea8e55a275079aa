package io.streamis.appconn;

import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSHttpAction;
import java.util.Optional;
import org.apache.linkis.common.conf.CommonVars;

/**
 * The identity Streamis trusts from DSS: its gateway mode accepts {@code Token-User} only with a known
 * {@code Token-Code} from a listed address (Streamis cannot read the Linkis ticket cookie). The code comes from
 * {@code appconn.properties}, which DSS's AppConn loader puts into the Linkis configuration.
 */
final class GatewayToken {

    static final String TOKEN_CODE_KEY = "wds.dss.appconn.streamis.token.code";

    private final String code;

    private GatewayToken(String code) {
        this.code = code;
    }

    static Optional<GatewayToken> configured() {
        String code = CommonVars.apply(TOKEN_CODE_KEY, "").getValue();
        return code == null || code.trim().isEmpty() ? Optional.<GatewayToken>empty()
                : Optional.of(new GatewayToken(code.trim()));
    }

    void sign(DSSHttpAction action, String user) {
        action.addHeader("Token-Code", code);
        action.addHeader("Token-User", user);
    }
}
