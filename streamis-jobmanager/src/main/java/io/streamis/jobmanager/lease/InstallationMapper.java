package io.streamis.jobmanager.lease;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** This installation's id ({@code streamis_installation}, one row named {@code installation}). */
@Mapper
public interface InstallationMapper {

    @Select("SELECT installation_id FROM streamis_installation WHERE name = 'installation'")
    String selectId();

    /** Fails on the primary key when another node wrote the id first. */
    @Insert("INSERT INTO streamis_installation (name, installation_id) VALUES ('installation', #{id})")
    int insertId(@Param("id") String id);
}
