package io.streamis.jobmanager.version;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Versions and their files. Ordering is always by the numeric {@code version_no}. */
@Mapper
public interface VersionMapper {

    String COLUMNS = "id, job_id, version, version_no, source, job_content, manage_mode, comment, create_time, create_by";
    String FILE_COLUMNS = "id, job_id, job_version_id, file_name, version, store_path, store_type, md5, size,"
            + " create_time, create_by";

    /** Insert parameter; the generated id is written back. */
    final class NewVersion {
        public Long id;
        public final long jobId;
        public final String version;
        public final int versionNo;
        public final String source;
        public final String jobContent;
        public final String comment;
        public final String createBy;

        public NewVersion(long jobId, String version, int versionNo, String source, String jobContent,
                          String comment, String createBy) {
            this.jobId = jobId;
            this.version = version;
            this.versionNo = versionNo;
            this.source = source;
            this.jobContent = jobContent;
            this.comment = comment;
            this.createBy = createBy;
        }
    }

    @Insert("INSERT INTO linkis_stream_job_version (job_id, version, version_no, source, job_content, comment, create_by)"
            + " VALUES (#{jobId}, #{version}, #{versionNo}, #{source}, #{jobContent}, #{comment}, #{createBy})")
    @Options(useGeneratedKeys = true, keyProperty = "id")
    int insert(NewVersion version);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job_version WHERE id = #{id}")
    JobVersion selectById(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job_version WHERE job_id = #{jobId} AND version = #{version}")
    JobVersion selectByVersion(@Param("jobId") long jobId, @Param("version") String version);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job_version WHERE job_id = #{jobId}"
            + " ORDER BY version_no DESC LIMIT 1")
    JobVersion selectLatest(@Param("jobId") long jobId);

    @Select("SELECT " + COLUMNS + " FROM linkis_stream_job_version WHERE job_id = #{jobId}"
            + " ORDER BY version_no DESC LIMIT #{limit} OFFSET #{offset}")
    List<JobVersion> selectPage(@Param("jobId") long jobId, @Param("offset") int offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM linkis_stream_job_version WHERE job_id = #{jobId}")
    long count(@Param("jobId") long jobId);

    @Update("UPDATE linkis_stream_job_version SET source = #{source} WHERE id = #{id}")
    int updateSource(@Param("id") long id, @Param("source") String source);

    @Insert("INSERT INTO linkis_stream_job_version_files (job_id, job_version_id, file_name, version, store_path,"
            + " store_type, md5, size, create_by) VALUES (#{jobId}, #{jobVersionId}, #{fileName}, #{version},"
            + " #{storePath}, #{storeType}, #{md5}, #{size}, #{createBy})")
    int insertFile(@Param("jobId") long jobId, @Param("jobVersionId") long jobVersionId,
                   @Param("fileName") String fileName, @Param("version") String version,
                   @Param("storePath") String storePath, @Param("storeType") String storeType,
                   @Param("md5") String md5, @Param("size") long size, @Param("createBy") String createBy);

    @Select("SELECT " + FILE_COLUMNS + " FROM linkis_stream_job_version_files WHERE job_version_id = #{versionId}"
            + " ORDER BY id")
    List<VersionFile> selectFiles(@Param("versionId") long versionId);

    @Select("SELECT " + FILE_COLUMNS + " FROM linkis_stream_job_version_files WHERE id = #{id}")
    VersionFile selectFile(@Param("id") long id);
}
