package io.streamis.jobmanager.compat;

import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.lease.PlatformNodes;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /streamis/streamJobManager/highAvailable/*} (behaviour §1.5): read on every 0.3.x page load. */
@RestController
@RequestMapping("/streamis/streamJobManager/highAvailable")
class HighAvailableController {

    private final CompatProperties properties;
    private final PlatformNodes platform;
    private final MessageSource messages;

    HighAvailableController(CompatProperties properties, PlatformNodes platform, MessageSource messages) {
        this.properties = properties;
        this.platform = platform;
        this.messages = messages;
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
                .data("whetherManager", info.whetherManager())
                // Not a 0.3.x key (its clients ignore it): the platform's own nodes, as the start inspection says.
                .data("platformMsg", platform.describe().localise(messages));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
