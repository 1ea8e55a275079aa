package io.streamis.jobmanager.compat;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The project counters of {@code /project/core/target}; the query lives in {@code mapper/jobmanager/ProjectCoreMapper.xml}. */
@Mapper
public interface ProjectCoreMapper {

    /** Jobs per list status (latest task of the current version, 0 when none), with the job list's visibility. */
    List<StatusCount> countByStatus(@Param("projectName") String projectName, @Param("user") String user,
                                    @Param("admin") boolean admin);
}
