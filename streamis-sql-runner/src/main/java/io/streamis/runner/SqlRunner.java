package io.streamis.runner;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.StatementSet;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;

/**
 * Flink user jar entry point for SQL jobs: args[0] is the script, base64 (UTF-8). SET statements configure the
 * table environment, DDL/USE/other statements run in order, and every INSERT joins one statement set that is
 * executed at the end, so all sinks form one job.
 */
public final class SqlRunner {

    private static final Pattern SET = Pattern.compile(
            "(?is)^SET\\s+'?([^'=\\s]+)'?\\s*=\\s*'?(.*?)'?$");

    private SqlRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("Usage: SqlRunner <base64 script>");
        }
        String script = new String(Base64.getDecoder().decode(args[0]), StandardCharsets.UTF_8);
        List<String> statements = StatementSplitter.split(script);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        StatementSet set = tEnv.createStatementSet();
        int inserts = 0;
        for (String st : statements) {
            String upper = st.toUpperCase(Locale.ROOT);
            Matcher m = SET.matcher(st);
            if (upper.startsWith("SET") && m.matches()) {
                tEnv.getConfig().set(m.group(1), m.group(2));
            } else if (upper.startsWith("INSERT")) {
                set.addInsertSql(st);
                inserts++;
            } else {
                tEnv.executeSql(st);
            }
        }
        if (inserts == 0) {
            throw new IllegalArgumentException("The SQL script has no INSERT statement, so there is nothing to run");
        }
        set.execute();
    }
}
