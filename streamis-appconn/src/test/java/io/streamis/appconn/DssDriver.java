package io.streamis.appconn;

import com.webank.wedatasphere.dss.appconn.core.AppConn;
import com.webank.wedatasphere.dss.appconn.core.ext.SecondlyAppConn;
import com.webank.wedatasphere.dss.common.entity.project.DSSProject;
import com.webank.wedatasphere.dss.standard.app.sso.Workspace;
import com.webank.wedatasphere.dss.standard.app.structure.project.ProjectService;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.DSSProjectContentRequestRef.DSSProjectContentRequestRefImpl;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.DSSProjectPrivilege;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.ProjectResponseRef;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.ProjectUpdateRequestRef.ProjectUpdateRequestRefImpl;
import com.webank.wedatasphere.dss.standard.app.structure.project.ref.RefProjectContentRequestRef.RefProjectContentRequestRefImpl;
import com.webank.wedatasphere.dss.standard.common.desc.AppDescImpl;
import com.webank.wedatasphere.dss.standard.common.desc.AppInstanceImpl;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import org.apache.linkis.common.conf.BDPConfiguration;

/**
 * DSS's side of the AppConn, done the way DSS 1.1 does it: the AppConn class instantiated, {@code appconn.properties}
 * put into the Linkis configuration (as DSS's AppConn loader does), the app description with one instance (the
 * {@code dss_appconn_instance} row), {@code init()}, then the structure standard's project service and its operations
 * with request refs carrying the user, the workspace and the DSS cookies.
 *
 * <p>{@link #main} runs it as a separate JVM with DSS's classpath (the server test talks to it over stdin/stdout,
 * one command per line, one answer line per command).
 */
public final class DssDriver {

    public static final String TICKET_COOKIE = "linkis_user_session_ticket_id_v1";

    private final AppInstanceImpl instance;
    private final ProjectService projects;
    private final String ticket;

    public DssDriver(String baseUrl, String tokenCode, String ticket) throws Exception {
        if (tokenCode != null) {
            BDPConfiguration.setIfNotExists(GatewayToken.TOKEN_CODE_KEY, tokenCode);
        }
        this.ticket = ticket;
        AppConn appConn = (AppConn) Class.forName("io.streamis.appconn.StreamisAppConn").getDeclaredConstructor()
                .newInstance();
        AppDescImpl desc = new AppDescImpl();
        desc.setAppName("streamis");
        instance = new AppInstanceImpl();
        instance.setId(1L);
        instance.setBaseUrl(baseUrl);
        instance.setHomepageUri("/#/realTimeJobCenter");
        instance.setConfig(new HashMap<>());
        desc.addAppInstance(instance);
        appConn.setAppDesc(desc);
        appConn.init();
        projects = ((SecondlyAppConn) appConn).getOrCreateStructureStandard().getProjectService(instance);
    }

    public ProjectService projectService() {
        return projects;
    }

    public Workspace workspace() {
        Workspace w = new Workspace();
        w.setWorkspaceId(7L);
        w.setWorkspaceName("bdapWorkspace");
        w.setDssUrl("http://dss.example:8088");
        w.addCookie(TICKET_COOKIE, ticket);
        w.addCookie("workspaceId", "7");
        w.addCookie("workspaceName", "bdapWorkspace");
        return w;
    }

    public Long create(String user, String name, DSSProjectPrivilege privilege) throws Exception {
        DSSProjectContentRequestRefImpl ref = new DSSProjectContentRequestRefImpl();
        ref.setDSSProject(project(user, name)).setDSSProjectPrivilege(privilege).setUserName(user)
                .setWorkspace(workspace());
        ProjectResponseRef r = projects.getProjectCreationOperation().createProject(ref);
        return r.getRefProjectId();
    }

    public void update(String user, long refProjectId, String name, DSSProjectPrivilege privilege) throws Exception {
        ProjectUpdateRequestRefImpl ref = new ProjectUpdateRequestRefImpl();
        ref.setDSSProject(project(user, name)).setDSSProjectPrivilege(privilege).setRefProjectId(refProjectId)
                .setUserName(user).setWorkspace(workspace());
        projects.getProjectUpdateOperation().updateProject(ref);
    }

    public void delete(String user, long refProjectId) throws Exception {
        RefProjectContentRequestRefImpl ref = new RefProjectContentRequestRefImpl();
        ref.setRefProjectId(refProjectId).setUserName(user).setWorkspace(workspace());
        projects.getProjectDeletionOperation().deleteProject(ref);
    }

    public Long search(String user, String name) throws Exception {
        RefProjectContentRequestRefImpl ref = new RefProjectContentRequestRefImpl();
        ref.setProjectName(name).setUserName(user).setWorkspace(workspace());
        return ((ProjectResponseRef) projects.getProjectSearchOperation().searchProject(ref)).getRefProjectId();
    }

    private static DSSProject project(String user, String name) {
        DSSProject p = new DSSProject();
        p.setName(name);
        p.setDescription("made in DSS");
        p.setWorkspaceId(7);
        p.setCreateBy(user);
        return p;
    }

    public static DSSProjectPrivilege privilege(String release, String edit, String access) {
        return DSSProjectPrivilege.newBuilder().setReleaseUsers(users(release)).setEditUsers(users(edit))
                .setAccessUsers(users(access)).build();
    }

    private static List<String> users(String csv) {
        return csv == null || csv.equals("-") ? Arrays.asList() : Arrays.asList(csv.split(","));
    }

    /**
     * {@code java DssDriver <baseUrl> <tokenCode> <ticket>}, then on stdin:
     * {@code search <user> <name>}, {@code create <user> <name> <release> <edit> <access>},
     * {@code update <user> <id> <name> <release> <edit> <access>}, {@code delete <user> <id>} (user lists
     * comma-separated, {@code -} for none). Answers {@code @@ok <id|->} or {@code @@error <class> <message>} (the prefix sets them apart from DSS's logging).
     */
    public static void main(String[] args) throws Exception {
        DssDriver dss = new DssDriver(args[0], args[1], args[2]);
        System.out.println("@@ready");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] c = line.trim().split(" ");
            try {
                Object id = switch (c[0]) {
                    case "search" -> dss.search(c[1], c[2]);
                    case "create" -> dss.create(c[1], c[2], privilege(c[3], c[4], c[5]));
                    case "update" -> {
                        dss.update(c[1], Long.parseLong(c[2]), c[3], privilege(c[4], c[5], c[6]));
                        yield null;
                    }
                    case "delete" -> {
                        dss.delete(c[1], Long.parseLong(c[2]));
                        yield null;
                    }
                    default -> throw new IllegalArgumentException("unknown command " + c[0]);
                };
                System.out.println("@@ok " + (id == null ? "-" : id));
            } catch (Exception e) {
                System.out.println("@@error " + e.getClass().getSimpleName() + " " + String.valueOf(e.getMessage())
                        .replace('\n', ' '));
            }
            System.out.flush();
        }
    }
}
