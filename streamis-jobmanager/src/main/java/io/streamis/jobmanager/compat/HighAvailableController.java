package io.streamis.jobmanager.compat;

import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /streamis/streamJobManager/highAvailable/*} (behaviour §1.5): read on every 0.3.x page load. */
@RestController
@RequestMapping("/streamis/streamJobManager/highAvailable")
class HighAvailableController {

    private final CompatProperties properties;

    HighAvailableController(CompatProperties properties) {
        this.properties = properties;
    }

    @GetMapping("/username")
    Message username(@LoginUser String user) {
        CallerNames names = new CallerNames(user, user);
        return Message.ok().data("userName", names.userName()).data("proxyUser", names.proxyUser());
    }

    @GetMapping("/getHAMsg")
    Message haMsg() {
        ClusterInfo info = new ClusterInfo(properties.clusterName(), hostName(), properties.whetherManager());
        return Message.ok().data("clusterName", info.clusterName()).data("clusterIp", info.clusterIp())
                .data("whetherManager", info.whetherManager());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
