package io.streamis.jobmanager.alert;

import java.util.List;

/**
 * What a channel delivers, fixed when the alert is decided (the outbox stores it, so a retry sends the same).
 * This record is also the JSON body of the generic webhook.
 *
 * @param kind       FIRING (an incident opened), RESOLVED (it ended) or TEST (a test send)
 * @param incidentId the incident, the same for its FIRING and RESOLVED messages (null for a test)
 * @param time       when it was decided, ISO-8601 with offset
 */
public record AlertMessage(Kind kind, Long incidentId, String rule, String level, String projectName, Long jobId,
                           String jobName, Long taskId, String title, String text, List<String> users, String time) {

    /** The message types. */
    public enum Kind {
        FIRING("告警"), RESOLVED("已恢复"), TEST("测试");

        private final String zh;

        Kind(String zh) {
            this.zh = zh;
        }

        public String zh() {
            return zh;
        }
    }

    public AlertMessage {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One line for subjects and chat titles, e.g. "[MAJOR 告警] default.orders: 作业失败 / Job failed". */
    public String headline() {
        return "[" + (level == null ? "" : level + " ") + kind.zh() + "] " + (projectName == null ? "" : projectName
                + ".") + (jobName == null ? "" : jobName) + ": " + title;
    }

    /** The plain text body shared by chat and mail: headline, text, who is notified. */
    public String plainText() {
        StringBuilder sb = new StringBuilder(headline()).append('\n');
        if (text != null && !text.isBlank()) {
            sb.append(text).append('\n');
        }
        if (taskId != null) {
            sb.append("task: ").append(taskId).append('\n');
        }
        if (!users.isEmpty()) {
            sb.append("通知 / notify: ").append(String.join(", ", users)).append('\n');
        }
        return sb.append(time).toString();
    }
}
