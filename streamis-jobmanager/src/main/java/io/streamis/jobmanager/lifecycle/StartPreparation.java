package io.streamis.jobmanager.lifecycle;

import io.streamis.config.value.JobConfig;
import io.streamis.jobmanager.job.JobService;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Everything a start decides before it writes anything: version, effective config, restore point, launch spec,
 * the {@code job_start_config} snapshot and the job info.
 */
@Component
public class StartPreparation {

    /** The prepared start. */
    public record Prepared(StreamJob job, JobVersion version, EffectiveConfig.Resolved config,
                           RestorePlanner.Decision decision, LaunchSpecFactory.Prepared launch, JobInfo info,
                           String startConfigJson, String serverInstance) {
        public Long templateId() {
            return config.templateId();
        }
    }

    private final AccessGuard access;
    private final VersionService versions;
    private final EffectiveConfig effective;
    private final RestorePlanner planner;
    private final LaunchSpecFactory specs;
    private final JobService jobs;
    private final ServerInstance serverInstance;
    private final RestorePathRule restorePaths;

    public StartPreparation(AccessGuard access, VersionService versions, EffectiveConfig effective,
                            RestorePlanner planner, LaunchSpecFactory specs, JobService jobs,
                            ServerInstance serverInstance, RestorePathRule restorePaths) {
        this.access = access;
        this.versions = versions;
        this.effective = effective;
        this.planner = planner;
        this.specs = specs;
        this.jobs = jobs;
        this.serverInstance = serverInstance;
        this.restorePaths = restorePaths;
    }

    public Prepared prepare(long jobId, String confirmedPath, boolean allowNonRestoredState) {
        StreamJob job = access.job(jobId);
        AccessGuard.requireEnabled(job);
        restorePaths.check(job, confirmedPath);
        JobVersion version = versions.latest(jobId);
        EffectiveConfig.Resolved config = effective.of(job);
        RestorePlanner.Decision decision = planner.plan(job, config.config(), confirmedPath);
        LaunchSpecFactory.Prepared launch = specs.prepare(job, version, config.config(), decision.path(),
                allowNonRestoredState);
        JobInfo.State planned = decision.chosen() == null ? null : RestorePlanner.toState(decision.chosen(), true);
        JobInfo info = JobInfo.starting(job.projectName() + "." + job.name(), job.submitUser(),
                launch.spec().cluster(), planned);
        return new Prepared(job, version, config, decision, launch, info,
                jobs.toJson(startConfig(job, version, config.config())), serverInstance.id());
    }

    /** {@code job_start_config}: the full effective meta.json this run used (behaviour §2.6). */
    private Map<String, Object> startConfig(StreamJob job, JobVersion version, JobConfig config) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("projectName", job.projectName());
        m.put("jobName", job.name());
        m.put("jobType", job.jobType());
        m.put("comment", "Start config");
        m.put("tags", job.label());
        m.put("description", job.description());
        m.put("version", version.version());
        m.put("jobContent", jobs.readContent(version));
        m.put("jobConfig", config.groups());
        return m;
    }
}
