package io.streamis.server.identity;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Platform users. */
@Mapper
public interface UserMapper {

    @Select("SELECT password_hash FROM streamis_user WHERE user_name = #{name}")
    String selectPasswordHash(@Param("name") String name);

    @Insert("INSERT INTO streamis_user (user_name, password_hash) VALUES (#{name}, #{hash})")
    int insert(@Param("name") String name, @Param("hash") String hash);

    @Update("UPDATE streamis_user SET password_hash = #{hash} WHERE user_name = #{name}")
    int updatePassword(@Param("name") String name, @Param("hash") String hash);
}
