package io.streamis.jobmanager.upload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.common.validation.Names;
import io.streamis.config.ConfigKeys;
import io.streamis.config.value.JobConfig;
import io.streamis.config.value.NormalizedConfig;
import io.streamis.jobmanager.StreamisJobManagerProperties;
import io.streamis.jobmanager.access.AccessGuard;
import io.streamis.jobmanager.job.JobMapper;
import io.streamis.jobmanager.job.StreamJob;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.jobmanager.project.Privilege;
import io.streamis.jobmanager.version.JobVersion;
import io.streamis.jobmanager.version.VersionMapper;
import io.streamis.jobmanager.version.VersionPins;
import io.streamis.jobmanager.version.VersionService;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.io.FileUtils;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a job package (zip with meta.json, or a bare meta object). Everything is checked before anything is
 * written; then job row, version row, files and config land in one transaction, and stored files are removed
 * again if it rolls back.
 */
@Service
public class JobImportService {

    private static final int CREATE_RETRIES = 5;
    /** The refusal of a meta.json without a project name. */
    public static final String MSG_NO_PROJECT = "meta.json must name its project: projectName is missing or blank";

    private final StreamisJobManagerProperties properties;
    private final MetaJsonParser parser;
    private final AccessGuard access;
    private final JobMapper jobs;
    private final VersionService versionService;
    private final VersionMapper versions;
    private final ImportSupport support;
    private final VersionPins pins;

    public JobImportService(StreamisJobManagerProperties properties, MetaJsonParser parser, AccessGuard access,
                            JobMapper jobs, VersionService versionService, VersionMapper versions,
                            ImportSupport support, VersionPins pins) {
        this.pins = pins;
        this.properties = properties;
        this.parser = parser;
        this.access = access;
        this.jobs = jobs;
        this.versionService = versionService;
        this.versions = versions;
        this.support = support;
    }

    /** Imports a zip upload. {@code requestProject} is the project the caller is working in. */
    public ImportResult importZip(String user, String requestProject, String zipName, InputStream zip,
                                  String source) {
        if (zipName == null || !zipName.toLowerCase(Locale.ROOT).endsWith(".zip")) {
            throw StreamisException.validation("upload.not-zip-name", "The uploaded file must be a .zip (got '" + zipName + "')",
                    zipName);
        }
        Names.require("Zip file name", zipName);
        if (requestProject != null && !requestProject.isBlank()) {
            // Before a byte is unpacked: a caller who may not import here must not get us to do that work.
            access.requireProject(user, requestProject, Privilege.EDIT);
        }
        Path staging = null;
        try {
            Files.createDirectories(properties.upload().stagingDir());
            staging = Files.createTempDirectory(properties.upload().stagingDir(), "import-");
            Map<String, Path> files = new ZipExtractor(properties.upload().maxEntries(),
                    properties.upload().maxUnpackedSize().toBytes()).extract(zip, staging);
            Path metaFile = files.remove("meta.json");
            if (metaFile == null) {
                throw StreamisException.validation("upload.no-meta", "The zip has no meta.json at its root");
            }
            JobMeta meta = reconcileProject(parser.parse(Files.readAllBytes(metaFile)), requestProject);
            if (meta.jobConfig() == null) {
                throw StreamisException.validation("upload.no-job-config",
                        "meta_json does not contain jobConfig, please check");
            }
            if (meta.jobConfig().get(ConfigKeys.GROUP_PRODUCE) == null) {
                throw StreamisException.validation("upload.no-produce", "jobConfig does not contain "
                        + ConfigKeys.GROUP_PRODUCE + ", please check", ConfigKeys.GROUP_PRODUCE);
            }
            return persist(user, meta, files, source);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stage the upload", e);
        } finally {
            if (staging != null) {
                FileUtils.deleteQuietly(staging.toFile());
            }
        }
    }

    /** Imports a meta object without files (content must reference project files); jobConfig is optional. */
    public ImportResult createOrUpdate(String user, JobMeta meta) {
        return persist(user, meta, Map.of(), null);
    }

    private JobMeta reconcileProject(JobMeta meta, String requestProject) {
        if (meta.projectName() == null || meta.projectName().isBlank()) {
            // As 0.3.x: the package must say which project it belongs to (it is not taken from the request).
            throw StreamisException.validation("upload.no-project", MSG_NO_PROJECT);
        }
        if (requestProject == null || requestProject.isBlank()) {
            return meta;
        }
        if (meta.projectName() != null && !meta.projectName().isBlank()
                && !meta.projectName().equals(requestProject)) {
            if (properties.projectNameStrictCheck()) {
                throw StreamisException.validation("upload.project-differs", "meta.json projectName '"
                        + meta.projectName() + "' differs from the project you upload to ('" + requestProject + "')",
                        meta.projectName(), requestProject);
            }
        }
        return meta.withProjectName(requestProject);
    }

    private ImportResult persist(String user, JobMeta meta, Map<String, Path> files, String source) {
        Names.require("projectName", meta.projectName());
        Names.require("jobName", meta.jobName());
        if (meta.jobType() == null || meta.jobType().isBlank()) {
            throw StreamisException.validation("upload.no-job-type", "jobType is required and must not be blank");
        }
        maxLength("tags", meta.tags(), 200);
        maxLength("description", meta.description(), 200);
        maxLength("comment", meta.comment(), 255);
        List<String> referenced = JobContents.validate(meta.jobType(), meta.jobContent());
        access.requireProject(user, meta.projectName(), Privilege.EDIT);
        support.checkReferencedFiles(meta.projectName(), referenced, files.keySet());
        NormalizedConfig normalized = meta.jobConfig() == null ? null : support.normalizeConfig(meta.jobConfig());
        JobConfig config = normalized == null ? null : normalized.config();
        List<NormalizedConfig.Dropped> dropped = normalized == null ? List.of() : normalized.dropped();
        String contentJson = support.toJson(meta.jobContent());
        TransactionTemplate tx = support.transactionTemplate();
        for (int attempt = 1; ; attempt++) {
            try {
                ImportResult r = tx.execute(status -> write(user, meta, files, source, config, contentJson,
                        referenced));
                return new ImportResult(r.jobId(), r.version(), r.created(), dropped);
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                // Two first uploads of the same job raced on the unique (project, name) (or MySQL picked one as a
                // deadlock victim); the loser retries and now finds the winner's row, which it locks like any
                // later upload.
                if (attempt >= CREATE_RETRIES) {
                    throw StreamisException.conflict("upload.concurrent", "Job " + meta.jobName()
                            + " is being imported concurrently, please retry", meta.jobName());
                }
            }
        }
    }

    private ImportResult write(String user, JobMeta meta, Map<String, Path> files, String source, JobConfig config,
                               String contentJson, List<String> referenced) {
        // Plain read first: locking a row that does not exist yet takes MySQL gap locks that deadlock racing inserts.
        StreamJob existing = jobs.selectByName(meta.projectName(), meta.jobName());
        StreamJob job = existing == null ? null : jobs.selectByIdForUpdate(existing.id());
        boolean created = job == null;
        if (created) {
            JobMapper.NewJob row = new JobMapper.NewJob(meta.projectName(), meta.jobName(), meta.jobType(),
                    meta.tags(), meta.description(), user);
            jobs.insert(row);
            job = jobs.selectByIdForUpdate(row.id);
        } else {
            if (!job.jobType().equals(meta.jobType())) {
                throw StreamisException.validation("upload.job-type-change", "Job " + job.name() + " is a "
                        + job.jobType() + " job; its jobType cannot change to " + meta.jobType(), job.name(),
                        job.jobType(), meta.jobType());
            }
            jobs.updateMeta(job.id(), meta.tags() == null ? job.label() : meta.tags(), meta.description());
        }
        String comment = meta.comment() == null || meta.comment().isBlank() ? "upload by user." : meta.comment();
        JobVersion version = versionService.publish(job, contentJson, comment, source, user);
        for (Map.Entry<String, Path> f : files.entrySet()) {
            String storePath = "jobs/" + job.id() + "/" + version.version() + "/" + f.getKey();
            MaterialStore.Stored stored = support.store(storePath, f.getValue());
            versions.insertFile(job.id(), version.id(), f.getKey(), version.version(), storePath,
                    support.storeType(), stored.md5(), stored.size(), user);
        }
        pins.pin(meta.projectName(), version, referenced, files.keySet());
        if (config != null) {
            support.saveConfig(job.id(), job.name(), config);
        }
        return new ImportResult(job.id(), version.version(), created, List.of());
    }

    private static void maxLength(String key, String value, int max) {
        if (value != null && value.length() > max) {
            throw StreamisException.validation("meta.too-long", "meta.json " + key + " is longer than " + max
                    + " characters", key, max);
        }
    }

    /** Serialises content the way 0.3.x stored it (compact JSON). */
    static String compact(ObjectMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw StreamisException.validation("content.not-serialisable", "jobContent cannot be serialised");
        }
    }
}
