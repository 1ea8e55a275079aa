package io.streamis.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a SQL script into statements on {@code ;}, ignoring semicolons inside '...', "..." and `...` quotes
 * (doubled quotes escape), inside -- line comments and inside /* block comments *&#47;. Comments are dropped,
 * empty statements skipped.
 */
public final class StatementSplitter {

    private StatementSplitter() {
    }

    public static List<String> split(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closing(script, i, c);
                cur.append(script, i, end);
                i = end;
            } else if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
                int nl = script.indexOf('\n', i);
                i = nl < 0 ? n : nl;
            } else if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
                int end = script.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                cur.append(' ');
            } else if (c == ';') {
                add(out, cur);
                i++;
            } else {
                cur.append(c);
                i++;
            }
        }
        add(out, cur);
        return out;
    }

    /** Index just past the closing quote; an unterminated quote runs to the end. */
    private static int closing(String s, int start, char q) {
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (s.charAt(i) == '\\' && q != '`' && i + 1 < s.length()) {
                i += 2;
                continue;
            }
            i++;
        }
        return s.length();
    }

    private static void add(List<String> out, StringBuilder cur) {
        String st = cur.toString().trim();
        if (!st.isEmpty()) {
            out.add(st);
        }
        cur.setLength(0);
    }
}
