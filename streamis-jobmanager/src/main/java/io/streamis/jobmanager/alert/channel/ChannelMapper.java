package io.streamis.jobmanager.alert.channel;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Alert channels per project. */
@Mapper
public interface ChannelMapper {

    /** A channel to insert; {@code id} is filled by the insert. */
    final class NewChannel {
        public Long id;
        public final String projectName;
        public final String name;
        public final String type;
        public final String target;
        public final String secret;
        public final String minLevel;
        public final boolean enabled;
        public final String createBy;

        public NewChannel(String projectName, String name, String type, String target, String secret,
                          String minLevel, boolean enabled, String createBy) {
            this.projectName = projectName;
            this.name = name;
            this.type = type;
            this.target = target;
            this.secret = secret;
            this.minLevel = minLevel;
            this.enabled = enabled;
            this.createBy = createBy;
        }
    }

    String COLUMNS = "id, project_name, name, type, target, secret, min_level, enabled, create_by, create_time,"
            + " update_time";

    @Insert("INSERT INTO streamis_alert_channel (project_name, name, type, target, secret, min_level, enabled,"
            + " create_by) VALUES (#{projectName}, #{name}, #{type}, #{target}, #{secret}, #{minLevel}, #{enabled},"
            + " #{createBy})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(NewChannel channel);

    @Update("UPDATE streamis_alert_channel SET name = #{c.name}, type = #{c.type}, target = #{c.target},"
            + " secret = #{c.secret}, min_level = #{c.minLevel}, enabled = #{c.enabled}, update_time = #{now}"
            + " WHERE id = #{id}")
    int update(@Param("id") long id, @Param("c") NewChannel channel, @Param("now") java.time.LocalDateTime now);

    @Delete("DELETE FROM streamis_alert_channel WHERE id = #{id}")
    int delete(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_channel WHERE id = #{id}")
    AlertChannel selectById(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM streamis_alert_channel WHERE project_name = #{project} ORDER BY id")
    List<AlertChannel> selectByProject(@Param("project") String project);
}
