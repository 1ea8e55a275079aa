package io.streamis.jobmanager.material;

import io.streamis.common.error.StreamisException;
import io.streamis.common.paging.Page;
import io.streamis.common.paging.PageRequest;
import io.streamis.common.validation.Names;
import io.streamis.config.template.JobTemplateService;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.project.Privilege;
import io.streamis.jobmanager.version.VersionPinMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Project resource files: versioned, hashed, referenced by jobs by name (behaviour §1.6, §3.2, §8). */
@Service
public class ProjectFileService {

    private static final Pattern VERSIONED_NAME = Pattern.compile("^(.+)-(\\d+(?:\\.\\d+)+)$");
    private static final List<String> ALLOWED_EXTENSIONS =
            List.of("yaml", "text", "jar", "properties", "txt", "pem", "json", "sql", "conf", "xml", "keytab");

    private final ProjectFileMapper mapper;
    private final MaterialStore store;
    private final AccessGuard access;
    private final JobTemplateService templates;
    private final VersionPinMapper pins;

    public ProjectFileService(ProjectFileMapper mapper, MaterialStore store, AccessGuard access,
                              JobTemplateService templates, VersionPinMapper pins) {
        this.mapper = mapper;
        this.pins = pins;
        this.store = store;
        this.access = access;
        this.templates = templates;
    }

    /** Stores one version of a file; a file named {@code <project>-meta.json} also becomes the project template. */
    @Transactional
    public ProjectFile upload(String user, String project, String fileName, String version, String comment,
                              boolean updateWhenExists, String source, InputStream content) {
        access.requireProject(user, project, Privilege.EDIT);
        Names.require("fileName", fileName);
        String ext = fileName.contains(".") ? fileName.substring(fileName.lastIndexOf('.') + 1) : "";
        if (!ALLOWED_EXTENSIONS.contains(ext.toLowerCase(Locale.ROOT))) {
            throw StreamisException.validation("file.type-not-allowed", "File type '." + ext
                    + "' is not allowed (allowed: " + String.join(", ", ALLOWED_EXTENSIONS) + ")", ext,
                    String.join(", ", ALLOWED_EXTENSIONS));
        }
        if (version == null || version.isBlank() || version.length() >= 30 || !version.matches("^[0-9A-Za-z._-]+$")) {
            throw StreamisException.validation("file.version", "version is required, shorter than 30 characters and"
                    + " made of letters, digits, '.', '_' or '-'");
        }
        Optional<ProjectFile> existing = mapper.selectVersions(project, fileName).stream()
                .filter(f -> f.version().equals(version)).findFirst();
        if (existing.isPresent() && !updateWhenExists) {
            throw StreamisException.conflict("file.version-exists", "File " + fileName + " version " + version
                    + " already exists; set updateWhenExists to replace it", fileName, version);
        }
        if (existing.isPresent()) {
            // Replacing the bytes of a pinned version would break every job version that pinned them.
            refuseIfPinned(lock(existing.get()), "replaced");
        }
        // A fresh path per upload: replacing a version must not destroy the old content before the commit.
        String storePath = "projects/" + project + "/" + fileName + "/" + version + "/"
                + UUID.randomUUID() + "/" + fileName;
        MaterialStore.Stored stored;
        try {
            stored = store.put(storePath, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (existing.isPresent()) {
            mapper.updateContent(existing.get().id(), storePath, stored.md5(), stored.size(), comment);
            store.deleteAfterCommit(existing.get().storePath());
        } else {
            mapper.insert(fileName, version, storePath, store.storeType(), project, user, comment, stored.md5(),
                    stored.size(), source);
        }
        if (JobTemplateService.isTemplateFile(project, fileName)) {
            try (InputStream in = store.open(storePath)) {
                templates.register(project, fileName, version, storePath, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return mapper.selectVersions(project, fileName).stream().filter(f -> f.version().equals(version))
                .findFirst().orElseThrow();
    }

    /** One row per file name: its highest version (natural order). */
    public Page<ProjectFile> list(String user, String project, String filename, String createdBy, PageRequest page) {
        access.requireProject(user, project, Privilege.ACCESS);
        Map<String, ProjectFile> latest = mapper.selectByProject(project).stream()
                .filter(f -> filename == null || filename.isBlank() || f.fileName().contains(filename))
                .filter(f -> createdBy == null || createdBy.isBlank() || createdBy.equals(f.createBy()))
                .collect(Collectors.toMap(ProjectFile::fileName, f -> f,
                        (a, b) -> VersionOrder.INSTANCE.compare(a.version(), b.version()) >= 0 ? a : b));
        List<ProjectFile> rows = latest.values().stream().sorted(Comparator.comparing(ProjectFile::fileName)).toList();
        return new Page<>(slice(rows, page), rows.size());
    }

    public Page<ProjectFile> versions(String user, String project, String fileName, PageRequest page) {
        access.requireProject(user, project, Privilege.ACCESS);
        List<ProjectFile> rows = mapper.selectVersions(project, fileName).stream()
                .sorted(Comparator.comparing(ProjectFile::version, VersionOrder.INSTANCE).reversed()).toList();
        return new Page<>(slice(rows, page), rows.size());
    }

    /** Deletes every version of a file created by the caller; reports versions that belong to others. */
    @Transactional
    public int delete(String user, String project, String fileName) {
        access.requireProject(user, project, Privilege.EDIT);
        List<ProjectFile> rows = mapper.selectVersions(project, fileName);
        if (rows.isEmpty()) {
            throw StreamisException.notFound("file.not-in-project", "File " + fileName + " does not exist in project "
                    + project, fileName, project);
        }
        return deleteOwn(user, project, rows);
    }

    @Transactional
    public int deleteVersions(String user, List<Long> ids) {
        int deleted = 0;
        for (Long id : ids) {
            ProjectFile f = mapper.selectById(id);
            if (f == null) {
                throw StreamisException.notFound("file.version-id", "File version " + id + " does not exist", id);
            }
            access.requireProject(user, f.projectName(), Privilege.EDIT);
            deleted += deleteOwn(user, f.projectName(), List.of(f));
        }
        return deleted;
    }

    private int deleteOwn(String user, String project, List<ProjectFile> rows) {
        List<ProjectFile> others = rows.stream().filter(f -> !user.equals(f.createBy()) && !access.isAdmin(user))
                .toList();
        if (!others.isEmpty()) {
            throw StreamisException.noPermission("file.others-versions", "Versions "
                    + others.stream().map(ProjectFile::version).toList() + " of " + rows.get(0).fileName()
                    + " belong to other users and cannot be deleted by " + user,
                    String.join(", ", others.stream().map(ProjectFile::version).toList()), rows.get(0).fileName(),
                    user);
        }
        for (ProjectFile row : rows) {
            ProjectFile f = lock(row);
            refuseIfPinned(f, "deleted");
            mapper.delete(f.id());
            store.deleteAfterCommit(f.storePath());
            if (JobTemplateService.isTemplateFile(project, f.fileName())) {
                templates.disable(project, f.fileName());
            }
        }
        return rows.size();
    }

    /** Locks the row first, so a publish pinning it concurrently is either seen or waits for us. */
    private ProjectFile lock(ProjectFile f) {
        ProjectFile locked = mapper.selectByIdForUpdate(f.id());
        if (locked == null) {
            throw StreamisException.notFound("file.version", "File " + f.fileName() + " version " + f.version()
                    + " does not exist", f.fileName(), f.version());
        }
        return locked;
    }

    private void refuseIfPinned(ProjectFile f, String action) {
        List<VersionPinMapper.Holder> holders = pins.selectHolders(f.id());
        if (!holders.isEmpty()) {
            String by = holders.stream().map(h -> "job " + h.jobName() + " version " + h.version()).distinct()
                    .limit(5).collect(Collectors.joining(", "));
            String english = "File " + f.fileName() + " version " + f.version()
                    + " cannot be " + action + ": it is pinned by " + by
                    + (holders.size() > 5 ? " and " + (holders.size() - 5) + " more" : "")
                    + " (a published job version always launches the bytes it was published with)";
            // The job versions as "name version", the same in every language; the translation counts them.
            String pinnedBy = holders.stream().map(h -> h.jobName() + " " + h.version()).distinct().limit(5)
                    .collect(Collectors.joining(", ")) + (holders.size() > 5 ? ", …" : "");
            if (action.equals("deleted")) {
                throw StreamisException.conflict("file.pinned-delete", english, f.fileName(), f.version(), pinnedBy,
                        holders.size());
            }
            throw StreamisException.conflict("file.pinned-replace", english, f.fileName(), f.version(), pinnedBy,
                    holders.size());
        }
    }

    public ProjectFile download(String user, long id) {
        ProjectFile f = mapper.selectById(id);
        if (f == null) {
            throw StreamisException.notFound("file.id", "File " + id + " does not exist", id);
        }
        access.requireProject(user, f.projectName(), Privilege.ACCESS);
        return f;
    }

    /**
     * Resolves a name a job refers to: {@code <name>-<d>.<d>.<d>} selects that version of {@code <name>},
     * any other name the highest version of the file with that name.
     */
    public Optional<ProjectFile> resolve(String project, String name) {
        Matcher m = VERSIONED_NAME.matcher(name);
        if (m.matches()) {
            Optional<ProjectFile> exact = mapper.selectVersions(project, m.group(1)).stream()
                    .filter(f -> f.version().equals(m.group(2))).findFirst();
            if (exact.isPresent()) {
                return exact;
            }
        }
        return mapper.selectVersions(project, name).stream()
                .max(Comparator.comparing(ProjectFile::version, VersionOrder.INSTANCE));
    }

    private static <T> List<T> slice(List<T> rows, PageRequest page) {
        int from = Math.min(page.offset(), rows.size());
        return rows.subList(from, Math.min(from + page.pageSize(), rows.size()));
    }
}
