-- Registers the Streamis AppConn in DataSphere Studio 1.1 (run by DSS's appconn-install.sh, which replaces
-- APPCONN_INSTALL_IP and APPCONN_INSTALL_PORT with the Streamis server's address). Re-runnable: it removes the
-- rows it created before inserting them again.

DELETE FROM `dss_workspace_menu_appconn` WHERE `appconn_id` IN
  (SELECT `id` FROM `dss_appconn` WHERE `appconn_name` = 'streamis');
DELETE FROM `dss_appconn_instance` WHERE `appconn_id` IN
  (SELECT `id` FROM `dss_appconn` WHERE `appconn_name` = 'streamis');
DELETE FROM `dss_appconn` WHERE `appconn_name` = 'streamis';
DELETE FROM `dss_workspace_dictionary` WHERE `workspace_id` = 0 AND `dic_key` = 'pdp_streamis_job_center';

-- External application shown in an iframe; DSS loads io.streamis.appconn.StreamisAppConn from streamis/lib.
INSERT INTO `dss_appconn` (`appconn_name`, `is_user_need_init`, `level`, `if_iframe`, `is_external`, `reference`,
                           `class_name`, `appconn_class_path`, `resource`)
VALUES ('streamis', 0, 1, 1, 1, NULL, 'io.streamis.appconn.StreamisAppConn', NULL, NULL);

SELECT @streamis_appconn_id := `id` FROM `dss_appconn` WHERE `appconn_name` = 'streamis';

-- The Streamis server (its UI and its /api/rest_j/v1 endpoints); the home page is the real-time job center.
INSERT INTO `dss_appconn_instance` (`appconn_id`, `label`, `url`, `enhance_json`, `homepage_uri`)
VALUES (@streamis_appconn_id, 'DEV', 'http://APPCONN_INSTALL_IP:APPCONN_INSTALL_PORT/', '',
        '/#/realTimeJobCenter');

-- Workspace home: an entry under "production operation" (menu 3 of DSS's seed data).
INSERT INTO `dss_workspace_menu_appconn` (`appconn_id`, `menu_id`, `title_en`, `title_cn`, `desc_en`, `desc_cn`,
    `labels_en`, `labels_cn`, `is_active`, `access_button_en`, `access_button_cn`, `manual_button_en`,
    `manual_button_cn`, `manual_button_url`, `icon`, `order`, `create_by`, `create_time`, `last_update_time`,
    `last_update_user`, `image`)
VALUES (@streamis_appconn_id, 3, 'Streamis', 'Streamis',
        'Manage Flink streaming jobs: upload, version, start from state, stop with savepoint, bulk operations.',
        '管理 Flink 流式作业：上传、版本、从状态启动、带快照停止、批量操作。',
        'streaming, flink', '流式, 实时, flink', 1, 'Enter Streamis', '进入 Streamis', 'Guide', '用户手册',
        'http://APPCONN_INSTALL_IP:APPCONN_INSTALL_PORT/#/realTimeJobCenter', 'shujukaifa-logo', 1, 'SYSTEM',
        NOW(), NOW(), 'SYSTEM', NULL);

-- Project level: the real-time job center of the DSS project the user is in (DSS fills the two variables).
INSERT INTO `dss_workspace_dictionary` (`workspace_id`, `parent_key`, `dic_name`, `dic_name_en`, `dic_key`,
    `dic_value`, `dic_value_en`, `title`, `title_en`, `url`, `url_type`, `icon`, `order_num`, `remark`,
    `create_user`, `create_time`, `update_user`, `update_time`)
VALUES (0, 'p_develop_process', '流式应用', 'Streaming jobs', 'pdp_streamis_job_center', 'streamis', NULL, NULL,
        NULL, 'http://APPCONN_INSTALL_IP:APPCONN_INSTALL_PORT/#/realTimeJobCenter?projectName=${projectName}&workspaceName=${workspaceName}',
        1, 'kaifa-icon', 10, '工程开发流程-流式应用 (Streamis)', 'SYSTEM', NOW(), NULL, NOW());
