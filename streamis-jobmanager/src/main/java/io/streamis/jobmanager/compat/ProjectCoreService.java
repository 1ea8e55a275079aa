package io.streamis.jobmanager.compat;

import io.streamis.common.error.StreamisException;
import io.streamis.common.job.TaskStatus;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.project.Project;
import io.streamis.jobmanager.project.ProjectService;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** The counters of the job center's header, from one grouped query. */
@Service
public class ProjectCoreService {

    private final ProjectCoreMapper mapper;
    private final ProjectService projects;
    private final AccessGuard access;

    public ProjectCoreService(ProjectCoreMapper mapper, ProjectService projects, AccessGuard access) {
        this.mapper = mapper;
        this.projects = projects;
        this.access = access;
    }

    public TaskCore taskCore(String user, String projectName) {
        if (projectName == null || projectName.isBlank()) {
            throw StreamisException.validation("project-required", "projectName is required");
        }
        Map<TaskStatus, Long> counts = new EnumMap<>(TaskStatus.class);
        for (StatusCount c : mapper.countByStatus(projectName, user, access.isAdmin(user))) {
            counts.merge(TaskStatus.fromCode(c.status()), c.jobs(), Long::sum);
        }
        Long projectId = projects.findByName(projectName).map(Project::id).orElse(null);
        return new TaskCore(projectId, projectName, n(counts, TaskStatus.RUNNING), n(counts, TaskStatus.STOPPED),
                n(counts, TaskStatus.FAILED), n(counts, TaskStatus.STARTING), n(counts, TaskStatus.STOPPING),
                n(counts, TaskStatus.SLOW_RUNNING), n(counts, TaskStatus.ALERT_RUNNING),
                n(counts, TaskStatus.WAIT_RESTART), n(counts, TaskStatus.COMPLETED), n(counts, TaskStatus.LOST),
                n(counts, TaskStatus.NOT_STARTED), List.of());
    }

    private static long n(Map<TaskStatus, Long> counts, TaskStatus s) {
        return counts.getOrDefault(s, 0L);
    }
}
