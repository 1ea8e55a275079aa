package io.streamis.jobmanager.upload;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamis.common.error.StreamisException;
import io.streamis.config.value.JobConfig;
import io.streamis.config.value.JobConfigService;
import io.streamis.config.value.NormalizedConfig;
import io.streamis.jobmanager.material.MaterialStore;
import io.streamis.jobmanager.material.ProjectFileService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Collaborators of the import kept behind one small facade so the import flow reads as a sequence of steps. */
@Component
class ImportSupport {

    private final JobConfigService configService;
    private final ProjectFileService projectFiles;
    private final MaterialStore store;
    private final ObjectMapper json;
    private final PlatformTransactionManager txManager;

    ImportSupport(JobConfigService configService, ProjectFileService projectFiles, MaterialStore store,
                  ObjectMapper json, PlatformTransactionManager txManager) {
        this.configService = configService;
        this.projectFiles = projectFiles;
        this.store = store;
        this.json = json;
        this.txManager = txManager;
    }

    /** Every file the content names must be in the zip or among the project's resource files. */
    void checkReferencedFiles(String project, List<String> referenced, Set<String> inZip) {
        for (String name : referenced) {
            if (!inZip.contains(name) && projectFiles.resolve(project, name).isEmpty()) {
                throw StreamisException.validation("content.missing-file", "jobContent refers to file '" + name
                        + "', which is neither in the zip nor a resource file of project " + project, name, project);
            }
        }
    }

    NormalizedConfig normalizeConfig(Map<String, Object> raw) {
        return configService.normalizeReporting(raw);
    }

    void saveConfig(long jobId, String jobName, JobConfig config) {
        configService.replace(jobId, jobName, config);
    }

    String toJson(Object value) {
        return JobImportService.compact(json, value);
    }

    /**
     * READ COMMITTED: an import locks its job row to number versions, and needs no gap locks; at MySQL's REPEATABLE
     * READ, replacing a new job's config (delete, then insert past the table's last row) locked the gap at the end
     * of the index, and imports of different jobs inserting there deadlocked each other.
     */
    TransactionTemplate transactionTemplate() {
        TransactionTemplate tx = new TransactionTemplate(txManager);
        tx.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        return tx;
    }

    MaterialStore.Stored store(String storePath, Path file) {
        try {
            return store.put(storePath, file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + storePath, e);
        }
    }

    String storeType() {
        return store.storeType();
    }

}
