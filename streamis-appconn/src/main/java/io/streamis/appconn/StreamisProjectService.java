package io.streamis.appconn;

import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectCreationOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectDeletionOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectSearchOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectService;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectUpdateOperation;

/**
 * A DSS project is a Streamis project of the same name, with DSS's release/edit/access users as its privileges.
 * Streamis keeps those privileges itself (the same three levels), hence cooperation is supported; names are
 * unique in Streamis, so DSS must refuse a duplicate (it searches before it creates).
 */
class StreamisProjectService extends ProjectService {

    @Override
    public boolean isCooperationSupported() {
        return true;
    }

    @Override
    public boolean isProjectNameUnique() {
        return true;
    }

    @Override
    protected ProjectCreationOperation createProjectCreationOperation() {
        return new ProjectOperations.Creation();
    }

    @Override
    protected ProjectUpdateOperation createProjectUpdateOperation() {
        return new ProjectOperations.Update();
    }

    @Override
    protected ProjectDeletionOperation createProjectDeletionOperation() {
        return new ProjectOperations.Deletion();
    }

    @Override
    protected ProjectSearchOperation createProjectSearchOperation() {
        return new ProjectOperations.Search();
    }
}
