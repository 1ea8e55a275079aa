package io.streamis.jobmanager.material;

import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.Page;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.rest.Message;
import io.streamis.common.security.ChangesState;
import io.streamis.common.security.LoginUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Project resource files: {@code /streamis/streamProjectManager/project/files/*} (behaviour §1.6). */
@RestController
@RequestMapping("/streamis/streamProjectManager/project/files")
class ProjectFileController {

    private final ProjectFileService files;
    private final MaterialStore store;

    ProjectFileController(ProjectFileService files, MaterialStore store) {
        this.files = files;
        this.store = store;
    }

    @PostMapping("/upload")
    Message upload(@LoginUser String user, @RequestPart(name = "file", required = false) MultipartFile file,
                   @RequestParam(required = false) String version, @RequestParam(required = false) String projectName,
                   @RequestParam(required = false) String comment,
                   @RequestParam(required = false, defaultValue = "false") boolean updateWhenExists,
                   @RequestParam(required = false) String source) throws IOException {
        if (file == null || file.isEmpty()) {
            throw StreamisException.validation("file.missing", "Upload a file in the multipart field 'file'");
        }
        if (comment != null && comment.length() > 255) {
            throw StreamisException.validation("file.comment-too-long", "comment must be at most 255 characters");
        }
        try (InputStream in = file.getInputStream()) {
            ProjectFile f = files.upload(user, projectName, file.getOriginalFilename(), version, comment,
                    updateWhenExists, source, in);
            return Message.ok().data("file", f);
        }
    }

    @GetMapping("/list")
    Message list(@LoginUser String user, @RequestParam(required = false) String projectName,
                 @RequestParam(required = false) String filename, @RequestParam(required = false) String username,
                 @RequestParam(required = false) Integer pageNow, @RequestParam(required = false) Integer pageSize) {
        Page<ProjectFile> page = files.list(user, projectName, filename, username, PageRequest.of(pageNow, pageSize));
        return Message.ok().data("files", page.rows()).data("totalPage", page.total());
    }

    @GetMapping("/version/list")
    Message versions(@LoginUser String user, @RequestParam String projectName, @RequestParam String fileName,
                     @RequestParam(required = false) Integer pageNow, @RequestParam(required = false) Integer pageSize) {
        Page<ProjectFile> page = files.versions(user, projectName, fileName, PageRequest.of(pageNow, pageSize));
        return Message.ok().data("files", page.rows()).data("totalPage", page.total());
    }

    @ChangesState
    @GetMapping("/delete")
    Message delete(@LoginUser String user, @RequestParam String fileName, @RequestParam String projectName) {
        return Message.ok().data("deleted", files.delete(user, projectName, fileName));
    }

    @ChangesState
    @GetMapping("/version/delete")
    Message deleteVersions(@LoginUser String user, @RequestParam String ids) {
        List<Long> list;
        try {
            list = Arrays.stream(ids.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf)
                    .toList();
        } catch (NumberFormatException e) {
            throw StreamisException.validation("file.bad-ids", "ids must be a comma-separated list of numbers");
        }
        return Message.ok().data("deleted", files.deleteVersions(user, list));
    }

    @GetMapping("/download")
    ResponseEntity<InputStreamResource> download(@LoginUser String user, @RequestParam long id) throws IOException {
        ProjectFile f = files.download(user, id);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.fileName()).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(new InputStreamResource(store.open(f.storePath())));
    }
}
