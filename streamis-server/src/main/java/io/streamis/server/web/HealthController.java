package io.streamis.server.web;

import io.streamis.common.rest.Message;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Anonymous liveness probe used by bin/start.sh and load balancers. */
@RestController
class HealthController {

    @GetMapping("/streamis/health")
    Message health() {
        return Message.ok().data("status", "UP");
    }
}
