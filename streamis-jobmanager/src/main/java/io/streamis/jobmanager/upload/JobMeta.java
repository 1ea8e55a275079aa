package io.streamis.jobmanager.upload;

import java.util.Map;

/** The parsed {@code meta.json} of a job package (unknown top-level keys are refused by the parser). */
public record JobMeta(String projectName, String jobName, String jobType, String tags, String description,
                      String comment, String workspaceName, Map<String, Object> jobContent,
                      Map<String, Object> jobConfig) {

    public JobMeta withProjectName(String name) {
        return new JobMeta(name, jobName, jobType, tags, description, comment, workspaceName, jobContent, jobConfig);
    }
}
