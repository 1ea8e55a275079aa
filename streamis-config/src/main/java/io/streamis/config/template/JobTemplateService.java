package io.streamis.config.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamis.common.error.StreamisException;
import io.streamis.config.value.JobConfig;
import io.streamis.config.value.JobConfigService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Project templates: a resource file named {@code <project>-meta.json} becomes the base config (and jar content)
 * of every job of the project; each job's own values override it key by key.
 */
@Service
public class JobTemplateService {

    private static final List<String> IDENTITY_KEYS =
            List.of("workspaceName", "jobName", "jobType", "tags", "comment", "description");

    private final JobTemplateMapper mapper;
    private final JobConfigService configService;
    private final ObjectMapper json;

    public JobTemplateService(JobTemplateMapper mapper, JobConfigService configService, ObjectMapper json) {
        this.mapper = mapper;
        this.configService = configService;
        this.json = json;
    }

    public static boolean isTemplateFile(String projectName, String fileName) {
        return fileName.equals(projectName + "-meta.json");
    }

    /** Validates and registers a template file; throws naming the rule when it is not a usable template. */
    @Transactional
    public long register(String projectName, String fileName, String version, String storePath, byte[] content) {
        ObjectNode node;
        try {
            if (!(json.readTree(content) instanceof ObjectNode obj)) {
                throw StreamisException.validation("template.not-object",
                        fileName + ": a job template must be a JSON object",
                        fileName);
            }
            node = obj;
        } catch (JsonProcessingException e) {
            throw StreamisException.validation("template.not-json",
                    fileName + ": not valid JSON (" + e.getOriginalMessage() + ")", fileName, e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw StreamisException.validation("template.unreadable", fileName + ": cannot be read", fileName);
        }
        for (String k : List.of("jobName", "jobType")) {
            if (node.hasNonNull(k)) {
                throw StreamisException.validation("template.defines",
                        fileName + ": a job template must not define " + k,
                        fileName, k);
            }
        }
        if (node.has("jobConfig")) {
            if (!node.get("jobConfig").isObject()) {
                throw StreamisException.validation("template.config-not-object",
                        fileName + ": jobConfig must be an object",
                        fileName);
            }
            // Validates the template's values with the same rules as a job's own config.
            configService.normalize(json.convertValue(node.get("jobConfig"), Map.class));
        }
        IDENTITY_KEYS.forEach(node::remove);
        JobTemplateMapper.NewTemplate row = new JobTemplateMapper.NewTemplate(
                storePath, fileName, node.toString(), version, projectName);
        mapper.insert(row);
        return row.id;
    }

    public Optional<JobTemplate> latest(String projectName) {
        return Optional.ofNullable(mapper.selectLatestEnabled(projectName));
    }

    public Optional<JobTemplate> byId(long id) {
        return Optional.ofNullable(mapper.selectById(id));
    }

    @Transactional
    public void disable(String projectName, String fileName) {
        mapper.disable(projectName, fileName);
    }

    /** The template's jobConfig as given (no defaults filled), or empty. */
    public JobConfig templateConfig(JobTemplate template) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(template.metaJson());
            if (!node.has("jobConfig")) {
                return JobConfig.empty();
            }
            Map<String, Map<String, Object>> raw = json.convertValue(node.get("jobConfig"), Map.class);
            Map<String, Map<String, String>> out = new LinkedHashMap<>();
            raw.forEach((g, kv) -> {
                Map<String, String> m = new LinkedHashMap<>();
                if (kv != null) {
                    kv.forEach((k, v) -> m.put(k, v == null ? "" : String.valueOf(v)));
                }
                out.put(g, m);
            });
            return new JobConfig(out);
        } catch (JsonProcessingException | ClassCastException | IllegalArgumentException e) {
            return JobConfig.empty();
        }
    }

    /** The template's jobContent object, or null. */
    public Map<String, Object> templateContent(JobTemplate template) {
        try {
            ObjectNode node = (ObjectNode) json.readTree(template.metaJson());
            return node.has("jobContent") && node.get("jobContent").isObject()
                    ? json.convertValue(node.get("jobContent"), Map.class) : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
