package io.streamis.jobmanager.version;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.jobmanager.material.ProjectFile;
import io.streamis.jobmanager.material.ProjectFileService;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds the file a job version refers to by name: first among the files stored with the version, then among
 * the project's resource files (behaviour §3.2).
 */
@Component
public class ArtifactResolver {

    /** A resolved file: where it came from ({@code job} or {@code project}), its row id and its local path. */
    public record Artifact(String fileName, String materialType, long id, String storePath, String md5, Long size,
                           String version, Path path) {

        public Map<String, Object> toView() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("fileName", fileName);
            m.put("version", version);
            m.put("storePath", storePath);
            m.put("md5", md5);
            m.put("size", size);
            m.put("materialType", materialType);
            return m;
        }
    }

    private final VersionMapper versions;
    private final ProjectFileService projectFiles;
    private final MaterialStore store;

    public ArtifactResolver(VersionMapper versions, ProjectFileService projectFiles, MaterialStore store) {
        this.versions = versions;
        this.projectFiles = projectFiles;
        this.store = store;
    }

    public Optional<Artifact> find(String projectName, JobVersion version, String name) {
        for (VersionFile f : versions.selectFiles(version.id())) {
            if (f.fileName().equals(name)) {
                return Optional.of(new Artifact(name, "job", f.id(), f.storePath(), f.md5(), f.size(), f.version(),
                        store.resolve(f.storePath())));
            }
        }
        return projectFiles.resolve(projectName, name).map((ProjectFile f) -> new Artifact(name, "project", f.id(),
                f.storePath(), f.md5(), f.size(), f.version(), store.resolve(f.storePath())));
    }

    public Artifact require(String projectName, JobVersion version, String name) {
        return find(projectName, version, name)
                .orElseThrow(() -> StreamisException.notFound("Not exists file " + name + "."));
    }
}
