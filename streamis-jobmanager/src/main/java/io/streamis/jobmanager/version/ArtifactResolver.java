package io.streamis.jobmanager.version;

import io.streamis.common.error.ErrorCode;
import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.jobmanager.material.ProjectFile;
import io.streamis.jobmanager.material.ProjectFileMapper;
import io.streamis.jobmanager.material.ProjectFileService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds the file a job version refers to by name: first among the files stored with the version, then the project
 * file version pinned when the version was published (behaviour §3.2). Versions published before pinning existed
 * have no pins and still resolve a name to the project file's newest version.
 */
@Component
public class ArtifactResolver {

    private static final Logger LOG = LoggerFactory.getLogger(ArtifactResolver.class);

    /** A resolved file: where it came from ({@code job} or {@code project}), its row id and its local path. */
    public record Artifact(String fileName, String materialType, long id, String storePath, String md5, Long size,
                           String version, Path path, boolean pinned) {

        public Map<String, Object> toView() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("fileName", fileName);
            m.put("version", version);
            m.put("storePath", storePath);
            m.put("md5", md5);
            m.put("size", size);
            m.put("materialType", materialType);
            m.put("pinned", pinned);
            return m;
        }
    }

    private final VersionMapper versions;
    private final VersionPinMapper pins;
    private final ProjectFileService projectFiles;
    private final ProjectFileMapper projectFileRows;
    private final MaterialStore store;

    public ArtifactResolver(VersionMapper versions, VersionPinMapper pins, ProjectFileService projectFiles,
                            ProjectFileMapper projectFileRows, MaterialStore store) {
        this.versions = versions;
        this.pins = pins;
        this.projectFiles = projectFiles;
        this.projectFileRows = projectFileRows;
        this.store = store;
    }

    /** For views: what the name refers to, without reading the bytes; empty when it is gone. */
    public Optional<Artifact> find(String projectName, JobVersion version, String name) {
        Optional<Artifact> own = ownFile(version, name);
        if (own.isPresent()) {
            return own;
        }
        List<VersionPin> versionPins = pins.selectByVersion(version.id());
        if (!versionPins.isEmpty()) {
            return pinOf(versionPins, name).flatMap(p -> pinnedRow(p).map(f -> artifact(name, f, true)));
        }
        return newest(projectName, name);
    }

    /**
     * For a launch: the exact bytes the version was published with. A pinned file that is gone or whose bytes no
     * longer hash to the pinned md5 fails, naming the file and version; it never falls back to another version.
     */
    public Artifact require(String projectName, JobVersion version, String name) {
        Optional<Artifact> own = ownFile(version, name);
        if (own.isPresent()) {
            return own.get();
        }
        List<VersionPin> versionPins = pins.selectByVersion(version.id());
        Optional<VersionPin> pin = pinOf(versionPins, name);
        if (pin.isPresent()) {
            return verified(version, pin.get());
        }
        if (!versionPins.isEmpty()) {
            // Pinned versions pin every project file they name; a name without a pin is not part of this version.
            throw new StreamisException(ErrorCode.PINNED_FILE_UNAVAILABLE, "not-pinned", "Job version "
                    + version.version() + " did not pin a project file named " + name + " when it was published",
                    version.version(), name);
        }
        Artifact newest = newest(projectName, name)
                .orElseThrow(() -> StreamisException.notFound("version.file-missing", "Not exists file " + name + ".",
                        name));
        LOG.info("Job version {} (job {}) was published before project files were pinned: {} resolves to the"
                        + " newest project file version {} (md5 {})", version.version(), version.jobId(), name,
                newest.version(), newest.md5());
        return newest;
    }

    private Artifact verified(JobVersion version, VersionPin pin) {
        String what = "Project file " + pin.fileName() + " version " + pin.fileVersion() + " pinned by job version "
                + version.version();
        ProjectFile f = pinnedRow(pin).orElseThrow(() -> new StreamisException(ErrorCode.PINNED_FILE_UNAVAILABLE,
                "gone", what + " no longer exists; publish a new job version to use another file version",
                pin.fileName(), pin.fileVersion(), version.version()));
        String actual;
        try {
            actual = md5(store.resolve(f.storePath()));
        } catch (IOException e) {
            throw new StreamisException(ErrorCode.PINNED_FILE_UNAVAILABLE, "unreadable", what + " cannot be read from "
                    + f.storePath() + ": " + e.getMessage(), pin.fileName(), pin.fileVersion(), version.version(),
                    f.storePath(), e.getMessage()).causedBy(e);
        }
        if (pin.md5() == null || !pin.md5().equalsIgnoreCase(actual)) {
            throw new StreamisException(ErrorCode.PINNED_FILE_UNAVAILABLE, "changed", what + " has changed: its bytes"
                    + " hash to md5 " + actual + ", the version was published with md5 " + pin.md5(), pin.fileName(),
                    pin.fileVersion(), version.version(), actual, pin.md5());
        }
        return artifact(pin.refName(), f, true);
    }

    /** The pinned row, only if it is still the same file version (ids are not reused, versions may be renamed). */
    private Optional<ProjectFile> pinnedRow(VersionPin pin) {
        return Optional.ofNullable(projectFileRows.selectById(pin.projectFileId()))
                .filter(f -> f.fileName().equals(pin.fileName()) && f.version().equals(pin.fileVersion()));
    }

    private Optional<Artifact> ownFile(JobVersion version, String name) {
        for (VersionFile f : versions.selectFiles(version.id())) {
            if (f.fileName().equals(name)) {
                return Optional.of(new Artifact(name, "job", f.id(), f.storePath(), f.md5(), f.size(), f.version(),
                        store.resolve(f.storePath()), true));
            }
        }
        return Optional.empty();
    }

    private Optional<Artifact> newest(String projectName, String name) {
        return projectFiles.resolve(projectName, name).map(f -> artifact(name, f, false));
    }

    private Artifact artifact(String name, ProjectFile f, boolean pinned) {
        return new Artifact(name, "project", f.id(), f.storePath(), f.md5(), f.size(), f.version(),
                store.resolve(f.storePath()), pinned);
    }

    private static Optional<VersionPin> pinOf(List<VersionPin> versionPins, String name) {
        return versionPins.stream().filter(p -> p.refName().equals(name)).findFirst();
    }

    private static String md5(Path path) throws IOException {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md5.digest());
    }
}
