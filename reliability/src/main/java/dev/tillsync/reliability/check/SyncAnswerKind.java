package dev.tillsync.reliability.check;

import dev.tillsync.terminal.SyncSummary;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a till's sync ended with, as runs tally it: "sync completed", or "sync " and its error's code. */
public final class SyncAnswerKind {
    /** The code a ServerException's message ends with: "... (database_unavailable)." */
    private static final Pattern CODE = Pattern.compile("\\(([a-z_]+)\\)\\.");

    private SyncAnswerKind() {}

    public static String of(SyncSummary s) {
        if (s.completed()) return "sync completed";
        Matcher m = CODE.matcher(s.error());
        String code = null;
        while (m.find()) code = m.group(1);
        return "sync " + (code != null ? code : s.error().length() > 60 ? s.error().substring(0, 60) : s.error());
    }
}
