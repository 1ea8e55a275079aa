package io.streamis.jobmanager.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Job import: zip upload and JSON createOrUpdate. */
@RestController
@RequestMapping("/streamis/streamJobManager/job")
class UploadController {

    private final JobImportService imports;
    private final MetaJsonParser parser;
    private final ObjectMapper json;

    UploadController(JobImportService imports, MetaJsonParser parser, ObjectMapper json) {
        this.imports = imports;
        this.parser = parser;
        this.json = json;
    }

    @PostMapping("/upload")
    Message upload(@LoginUser String user, @RequestParam(required = false) String projectName,
                   @RequestParam(required = false) String source,
                   @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw StreamisException.validation("upload.no-file", "Upload a zip file in the multipart field 'file'");
        }
        if (projectName == null || projectName.isBlank()) {
            throw StreamisException.validation("project-required", "projectName is required");
        }
        try (InputStream in = file.getInputStream()) {
            ImportResult r = imports.importZip(user, projectName, file.getOriginalFilename(), in, source);
            return Message.ok().data("jobId", r.jobId()).data("version", r.version()).data("dropped", r.dropped());
        }
    }

    @PostMapping("/createOrUpdate")
    Message createOrUpdate(@LoginUser String user, @RequestBody Map<String, Object> body) throws IOException {
        // Re-parsed through the strict meta.json reader so both entry points apply the same rules.
        JobMeta meta = parser.parse(json.writeValueAsBytes(body));
        ImportResult r = imports.createOrUpdate(user, meta);
        return Message.ok().data("jobId", r.jobId()).data("version", r.version()).data("dropped", r.dropped());
    }
}
