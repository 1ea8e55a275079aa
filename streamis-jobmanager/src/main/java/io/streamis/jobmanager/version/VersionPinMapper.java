package io.streamis.jobmanager.version;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The project files pinned by job versions. */
@Mapper
public interface VersionPinMapper {

    String COLUMNS = "id, job_id, job_version_id, ref_name, project_file_id, file_name, file_version, md5, size";

    /** A job version that pins a project file, for the refusal to delete that file. */
    record Holder(long jobId, String jobName, String version) {
    }

    @Insert("INSERT INTO linkis_stream_job_version_pins (job_id, job_version_id, ref_name, project_file_id,"
            + " file_name, file_version, md5, size) VALUES (#{jobId}, #{jobVersionId}, #{refName}, #{projectFileId},"
            + " #{fileName}, #{fileVersion}, #{md5}, #{size})")
    int insert(@Param("jobId") long jobId, @Param("jobVersionId") long jobVersionId, @Param("refName") String refName,
               @Param("projectFileId") long projectFileId, @Param("fileName") String fileName,
               @Param("fileVersion") String fileVersion, @Param("md5") String md5, @Param("size") Long size);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job_version_pins WHERE job_version_id = #{versionId}"
            + " ORDER BY id")
    List<VersionPin> selectByVersion(@Param("versionId") long versionId);

    /**
     * Locking read: it sees pins committed by a publish that held the file row's lock before us (a plain read in
     * REPEATABLE READ could miss them and let the pinned bytes be deleted).
     */
    @Select("SELECT p.job_id, j.name AS job_name, v.version FROM linkis_stream_job_version_pins p"
            + " JOIN linkis_stream_job j ON j.id = p.job_id"
            + " JOIN linkis_stream_job_version v ON v.id = p.job_version_id"
            + " WHERE p.project_file_id = #{projectFileId} ORDER BY p.id FOR UPDATE")
    List<Holder> selectHolders(@Param("projectFileId") long projectFileId);
}
