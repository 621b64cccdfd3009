package org.sunbid.platform.experts;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sunbid.crypto.draw.DrawWalk;

/**
 * An expert's text reply to a draw notice: "1 code" confirms, "2 code" declines, the code being the six digits the
 * notice carried (blanks between them allowed, around them ignored). Anything else is unreadable.
 */
record ExpertReply(DrawWalk.Outcome outcome, String code) {

    private static final Pattern REPLY = Pattern.compile("^([12])\\s*(\\d{6})$");

    static Optional<ExpertReply> parse(String text) {
        Matcher m = REPLY.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new ExpertReply(m.group(1).equals("1") ? DrawWalk.Outcome.ACCEPTED : DrawWalk.Outcome.DECLINED,
                m.group(2)));
    }
}
