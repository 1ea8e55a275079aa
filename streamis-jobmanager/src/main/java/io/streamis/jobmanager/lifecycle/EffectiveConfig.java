package io.streamis.jobmanager.lifecycle;

import io.streamis.config.template.JobTemplate;
import io.streamis.config.template.JobTemplateService;
import io.streamis.config.value.JobConfig;
import io.streamis.config.value.JobConfigService;
import io.streamis.jobmanager.job.StreamJob;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The config a start uses: the project template underneath, the job's own values on top, key by key. */
@Component
public class EffectiveConfig {

    /** The merged config and the template it came from (if any). */
    public record Resolved(JobConfig config, JobTemplate template) {
        public Long templateId() {
            return template == null ? null : template.id();
        }
    }

    private final JobConfigService configs;
    private final JobTemplateService templates;

    public EffectiveConfig(JobConfigService configs, JobTemplateService templates) {
        this.configs = configs;
        this.templates = templates;
    }

    public Resolved of(StreamJob job) {
        JobConfig own = configs.load(job.id());
        Optional<JobTemplate> template = templates.latest(job.projectName());
        return template.map(t -> new Resolved(own.over(templates.templateConfig(t)), t))
                .orElseGet(() -> new Resolved(own, null));
    }
}
