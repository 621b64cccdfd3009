package org.sunbid.verifier;

/**
 * The verifier's answer: one line for people, an exit code for scripts.
 *
 * @param exitCode 0 verified, 1 the log or proof failed verification, 2 the verifier could not check (usage, network)
 * @param line     the one-line verdict, starting with OK, FAIL or ERROR
 */
public record Verdict(int exitCode, String line) {

    static Verdict ok(String message) {
        return new Verdict(0, "OK " + message);
    }

    static Verdict fail(String message) {
        return new Verdict(1, "FAIL " + message);
    }

    static Verdict error(String message) {
        return new Verdict(2, "ERROR " + message);
    }

    public boolean ok() {
        return exitCode == 0;
    }
}
