package io.streamis.jobmanager.version;

import io.streamis.common.error.StreamisException;
import io.streamis.jobmanager.material.ProjectFile;
import io.streamis.jobmanager.material.ProjectFileMapper;
import io.streamis.jobmanager.material.ProjectFileService;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pins, at publish time, the project file version (and its hash) each name of a job version resolves to, so the
 * version launches the same bytes forever (see docs/design/jobs-versions-config.md, "Pinned project files").
 */
@Service
public class VersionPins {

    private final VersionPinMapper pins;
    private final ProjectFileService projectFiles;
    private final ProjectFileMapper projectFileRows;

    public VersionPins(VersionPinMapper pins, ProjectFileService projectFiles, ProjectFileMapper projectFileRows) {
        this.pins = pins;
        this.projectFiles = projectFiles;
        this.projectFileRows = projectFileRows;
    }

    /**
     * Pins every referenced name that is not one of the version's own (zip) files. The project file row is locked
     * so a concurrent delete either happens before (and the publish fails) or sees this pin and is refused.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void pin(String projectName, JobVersion version, Collection<String> referenced, Set<String> ownFiles) {
        for (String name : new LinkedHashSet<>(referenced)) {
            if (ownFiles.contains(name)) {
                continue;
            }
            ProjectFile resolved = projectFiles.resolve(projectName, name).orElseThrow(() ->
                    StreamisException.validation("version.no-file", "Project " + projectName + " has no file " + name,
                            projectName, name));
            ProjectFile f = projectFileRows.selectByIdForUpdate(resolved.id());
            if (f == null) {
                throw StreamisException.conflict("version.file-deleted", "Project file " + name + " version "
                        + resolved.version() + " was deleted while the job version was being published, please retry",
                        name, resolved.version());
            }
            pins.insert(version.jobId(), version.id(), name, f.id(), f.fileName(), f.version(), f.md5(), f.size());
        }
    }

    /** A version derived from another (e.g. new args) runs the same bytes: its pins are copied. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void copy(JobVersion from, JobVersion to) {
        for (VersionPin p : pins.selectByVersion(from.id())) {
            pins.insert(to.jobId(), to.id(), p.refName(), p.projectFileId(), p.fileName(), p.fileVersion(), p.md5(),
                    p.size());
        }
    }
}
