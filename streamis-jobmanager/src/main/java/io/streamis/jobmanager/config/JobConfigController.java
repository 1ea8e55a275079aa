package io.streamis.jobmanager.config;

import io.streamis.common.error.StreamisException;
import io.streamis.common.rest.Message;
import io.streamis.common.security.LoginUser;
import io.streamis.config.StreamisConfigProperties;
import io.streamis.config.definition.ConfigCatalog;
import io.streamis.config.definition.ConfigDefinition;
import io.streamis.config.template.JobTemplateService;
import io.streamis.config.value.JobConfig;
import io.streamis.config.value.NormalizedConfig;
import io.streamis.config.value.JobConfigService;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.StreamJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Job configuration: {@code /streamis/streamJobManager/config/*} (behaviour §1.4). */
@RestController
@RequestMapping("/streamis/streamJobManager/config")
class JobConfigController {

    private final ConfigCatalog catalog;
    private final JobConfigService configs;
    private final JobTemplateService templates;
    private final AccessGuard access;
    private final StreamisConfigProperties properties;

    JobConfigController(ConfigCatalog catalog, JobConfigService configs, JobTemplateService templates,
                        AccessGuard access, StreamisConfigProperties properties) {
        this.catalog = catalog;
        this.configs = configs;
        this.templates = templates;
        this.access = access;
        this.properties = properties;
    }

    @GetMapping("/definitions")
    Message definitions() {
        List<Map<String, Object>> roots = new ArrayList<>();
        for (ConfigDefinition g : catalog.groups()) {
            Map<String, Object> m = definition(g);
            m.put("child_def", catalog.children(g).stream().map(JobConfigController::definition).toList());
            roots.add(m);
        }
        return Message.ok().data("def", roots);
    }

    private static Map<String, Object> definition(ConfigDefinition d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("key", d.key());
        m.put("name", d.name());
        putIfNotNull(m, "en_name", d.enName());
        m.put("type", d.type());
        m.put("sort", d.sort());
        putIfNotNull(m, "description", d.description());
        putIfNotNull(m, "validate_type", d.validateType());
        putIfNotNull(m, "validate_rule", d.validateRule());
        putIfNotNull(m, "style", d.style());
        m.put("visiable", d.visiable() ? 1 : 0);
        m.put("level", d.level());
        putIfNotNull(m, "unit", d.unit());
        putIfNotNull(m, "default_value", d.defaultValue());
        m.put("ref_values", d.options());
        m.put("required", d.required());
        m.put("temp", d.temp());
        return m;
    }

    private static void putIfNotNull(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }

    @GetMapping("/json/{jobId}")
    Message get(@LoginUser String user, @PathVariable long jobId) {
        StreamJob job = access.readableJob(user, jobId);
        Message msg = Message.ok().dataAll(configs.load(jobId).groups());
        templates.latest(job.projectName()).ifPresent(t -> msg.data("template", templates.templateConfig(t).groups()));
        return msg.data("editEnable", properties.editEnable());
    }

    @PostMapping("/json/{jobId}")
    Message save(@LoginUser String user, @PathVariable long jobId, @RequestBody Map<String, Object> body) {
        if (!properties.editEnable()) {
            throw StreamisException.illegalState("config.edit-disabled",
                    "Editing job config is disabled (streamis.config.edit-enable)");
        }
        StreamJob job = access.operableJob(user, jobId);
        NormalizedConfig normalized = configs.normalizeReporting(body);
        JobConfig config = normalized.config();
        configs.replace(jobId, job.name(), config);
        return Message.ok("success").dataAll(config.groups()).data("dropped", normalized.dropped());
    }

    /** Copies another job's config onto this one ("reference another application's configuration"). */
    @PostMapping("/copy")
    Message copy(@LoginUser String user, @RequestParam long jobId, @RequestParam long fromJobId) {
        StreamJob target = access.operableJob(user, jobId);
        access.readableJob(user, fromJobId);
        JobConfig copied = configs.copy(fromJobId, jobId, target.name());
        return Message.ok("success").dataAll(copied.groups());
    }

    @GetMapping("/view")
    Message view(@LoginUser String user, @RequestParam long jobId) {
        access.readableJob(user, jobId);
        JobConfig config = configs.load(jobId);
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("jobId", jobId);
        tree.put("resourceConfig", flat(config, "wds.linkis.flink.resource"));
        tree.put("produceConfig", flat(config, "wds.linkis.flink.produce"));
        tree.put("parameterConfig", flat(config, "wds.linkis.flink.custom"));
        tree.put("alarmConfig", List.of());
        tree.put("permissionConfig", flat(config, "wds.linkis.flink.authority"));
        return Message.ok().data("fullTree", tree);
    }

    private List<Map<String, Object>> flat(JobConfig config, String group) {
        List<Map<String, Object>> out = new ArrayList<>();
        config.group(group).forEach((k, v) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            ConfigDefinition d = catalog.byKey(k).orElse(null);
            m.put("configkeyId", d == null ? null : d.id());
            m.put("key", k);
            m.put("name", d == null ? k : d.name());
            m.put("value", v);
            if (d != null && !d.options().isEmpty()) {
                m.put("valueLists", d.options().stream().map(o -> Map.of("value", o, "selected", o.equals(v)))
                        .toList());
            }
            out.add(m);
        });
        return out;
    }
}
