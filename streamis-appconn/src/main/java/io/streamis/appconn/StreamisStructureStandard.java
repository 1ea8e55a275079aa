package io.streamis.appconn;

import com.webank.wedatasphere.dss.standard.app.structure.AbstractStructureIntegrationStandard;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectService;

/** Structure integration: only projects (DSS has not wired roles or app status into its framework). */
class StreamisStructureStandard extends AbstractStructureIntegrationStandard {

    @Override
    protected ProjectService createProjectService() {
        return new StreamisProjectService();
    }
}
