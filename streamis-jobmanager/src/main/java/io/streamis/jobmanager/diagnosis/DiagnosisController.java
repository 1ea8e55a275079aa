package io.streamis.jobmanager.diagnosis;

import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.jobmanager.access.AccessGuard;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The failure catalogue: anyone reads it and tries a text against it; admins edit it. */
@RestController
@RequestMapping("/streamis/streamJobManager/diagnosis")
class DiagnosisController {

    private final FailureCatalogue catalogue;
    private final AccessGuard access;

    DiagnosisController(FailureCatalogue catalogue, AccessGuard access) {
        this.catalogue = catalogue;
        this.access = access;
    }

    @GetMapping("/patterns")
    Message list(@LoginUser String user) {
        return Message.ok().data("patterns", catalogue.all());
    }

    @PostMapping("/patterns")
    Message create(@LoginUser String user, @RequestBody FailurePatternRequest body) {
        requireAdmin(user);
        return Message.ok("success").data("pattern", catalogue.create(user, body));
    }

    @PutMapping("/patterns/{id}")
    Message update(@LoginUser String user, @PathVariable long id, @RequestBody FailurePatternRequest body) {
        requireAdmin(user);
        return Message.ok("success").data("pattern", catalogue.update(id, user, body));
    }

    @DeleteMapping("/patterns/{id}")
    Message delete(@LoginUser String user, @PathVariable long id) {
        requireAdmin(user);
        catalogue.delete(id);
        return Message.ok("success");
    }

    /** Diagnoses a pasted log or exception ({@code {"text": "..."}}): what the catalogue would say. */
    @PostMapping("/match")
    Message match(@LoginUser String user, @RequestBody Map<String, String> body) {
        String text = body.get("text");
        if (text == null || text.isBlank()) {
            throw StreamisException.validation("diagnosis.text-required", "text is required");
        }
        return Message.ok().data("diagnosis", catalogue.diagnose(FailureSource.GIVEN_TEXT, List.of(text)).orElse(null));
    }

    private void requireAdmin(String user) {
        if (!access.isAdmin(user)) {
            throw StreamisException.noPermission("pattern.admin-only",
                    "Only administrators may edit the failure catalogue");
        }
    }
}
