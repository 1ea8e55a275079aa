package io.streamis.jobmanager.lifecycle;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** {@code host:port} of this server, recorded on every task it creates ({@code server_instance}). */
@Component
public class ServerInstance {

    private final String id;

    public ServerInstance(Environment env) {
        this.id = hostName() + ":" + env.getProperty("server.port", "9400");
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
