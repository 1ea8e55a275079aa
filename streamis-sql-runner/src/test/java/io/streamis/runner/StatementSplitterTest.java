package io.streamis.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatementSplitterTest {

    @Test
    void splitsOnSemicolonsOutsideQuotesAndComments() {
        List<String> s = StatementSplitter.split("""
                -- a comment; with a semicolon
                SET 'pipeline.name' = 'a;b';
                CREATE TABLE t (v STRING) WITH ('connector' = 'datagen'); /* block; comment */
                INSERT INTO s SELECT 'it''s; fine', "x;y", `we;ird` FROM t;
                ;;
                """);
        assertThat(s).containsExactly("SET 'pipeline.name' = 'a;b'",
                "CREATE TABLE t (v STRING) WITH ('connector' = 'datagen')",
                "INSERT INTO s SELECT 'it''s; fine', \"x;y\", `we;ird` FROM t");
    }

    @Test
    void keepsLastStatementWithoutSemicolonAndHandlesBackslashEscapes() {
        assertThat(StatementSplitter.split("SELECT 'a\\';b'")).containsExactly("SELECT 'a\\';b'");
        assertThat(StatementSplitter.split("  ")).isEmpty();
    }
}
