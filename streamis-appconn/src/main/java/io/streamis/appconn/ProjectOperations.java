package io.streamis.appconn;

import com.webank.wedatasphere.dss.common.entity.project.DSSProject;
import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSDeleteAction;
import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSGetAction;
import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSPostAction;
import com.webank.wedatasphere.dss.standard.app.sso.origin.request.action.DSSPutAction;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectCreationOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectDeletionOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectSearchOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectUpdateOperation;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.DSSProjectContentRequestRef.DSSProjectContentRequestRefImpl;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.DSSProjectPrivilege;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.ProjectResponseRef;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.ProjectUpdateRequestRef.ProjectUpdateRequestRefImpl;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.RefProjectContentRequestRef.RefProjectContentRequestRefImpl;
import com.webank.wedatasphere.dss.standard.common.entity.ref.ResponseRef;
import com.webank.wedatasphere.dss.standard.common.exception.operation.ExternalOperationFailedException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** The four project operations DSS calls: create, update, delete, search ({@code /streamis/project/*}). */
final class ProjectOperations {

    private ProjectOperations() {
    }

    /** {@code POST createProject}: DSS keeps the returned {@code projectId} as the ref project id. */
    static final class Creation extends StreamisOperation<DSSProjectContentRequestRefImpl, ProjectResponseRef>
            implements ProjectCreationOperation<DSSProjectContentRequestRefImpl> {

        @Override
        public ProjectResponseRef createProject(DSSProjectContentRequestRefImpl ref)
                throws ExternalOperationFailedException {
            DSSPostAction action = new DSSPostAction();
            payload(ref.getDSSProject(), ref.getDSSProjectPrivilege(), ref.getWorkspace().getWorkspaceId())
                    .forEach(action::addRequestPayload);
            Map<String, Object> data = send(action, "createProject", ref, noQuery());
            Long id = id(data.get("projectId"));
            if (id == null) {
                throw new ExternalOperationFailedException(REFUSED, "Streamis createProject answered no projectId");
            }
            return ProjectResponseRef.newExternalBuilder().setRefProjectId(id).success();
        }
    }

    /** {@code PUT updateProject}: the full current name and privileges (Streamis diffs them). */
    static final class Update extends StreamisOperation<ProjectUpdateRequestRefImpl, ResponseRef>
            implements ProjectUpdateOperation<ProjectUpdateRequestRefImpl> {

        @Override
        public ResponseRef updateProject(ProjectUpdateRequestRefImpl ref) throws ExternalOperationFailedException {
            DSSPutAction action = new DSSPutAction();
            action.addRequestPayload("projectId", ref.getRefProjectId());
            payload(ref.getDSSProject(), ref.getDSSProjectPrivilege(), ref.getWorkspace().getWorkspaceId())
                    .forEach(action::addRequestPayload);
            send(action, "updateProject", ref, noQuery());
            return ResponseRef.newExternalBuilder().success();
        }
    }

    /** {@code DELETE deleteProject?projectId=}. */
    static final class Deletion extends StreamisOperation<RefProjectContentRequestRefImpl, ResponseRef>
            implements ProjectDeletionOperation<RefProjectContentRequestRefImpl> {

        @Override
        public ResponseRef deleteProject(RefProjectContentRequestRefImpl ref) throws ExternalOperationFailedException {
            if (ref.getRefProjectId() == null) {
                throw new ExternalOperationFailedException(REFUSED, "DSS passed no Streamis project id to delete");
            }
            send(new DSSDeleteAction(), "deleteProject", ref,
                    Collections.singletonMap("projectId", String.valueOf(ref.getRefProjectId())));
            return ResponseRef.newExternalBuilder().success();
        }
    }

    /** {@code GET searchProject?projectName=}: an empty success when Streamis has no such project. */
    static final class Search extends StreamisOperation<RefProjectContentRequestRefImpl, ProjectResponseRef>
            implements ProjectSearchOperation<RefProjectContentRequestRefImpl> {

        @Override
        public ProjectResponseRef searchProject(RefProjectContentRequestRefImpl ref)
                throws ExternalOperationFailedException {
            Map<String, Object> data = send(new DSSGetAction(), "searchProject", ref,
                    Collections.singletonMap("projectName", ref.getProjectName()));
            return ProjectResponseRef.newExternalBuilder().setRefProjectId(id(data.get("projectId"))).success();
        }
    }

    /** The create/update body: {@code projectName, workspaceId, releaseUsers, editUsers, accessUsers, description}. */
    static Map<String, Object> payload(DSSProject project, DSSProjectPrivilege privilege, long workspaceId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("projectName", project.getName());
        body.put("workspaceId", workspaceId);
        body.put("description", project.getDescription());
        DSSProjectPrivilege p = privilege == null ? DSSProjectPrivilege.EMPTY : privilege;
        body.put("releaseUsers", users(p.getReleaseUsers()));
        body.put("editUsers", users(p.getEditUsers()));
        body.put("accessUsers", users(p.getAccessUsers()));
        return body;
    }

    private static List<String> users(List<String> users) {
        return users == null ? new ArrayList<>() : new ArrayList<>(users);
    }

    /** Gson reads JSON numbers as doubles. */
    private static Long id(Object value) {
        if (value instanceof Number) {
            return ((Number) value).longValue();
        }
        return value == null || String.valueOf(value).trim().isEmpty() ? null : Long.valueOf(String.valueOf(value));
    }
}
