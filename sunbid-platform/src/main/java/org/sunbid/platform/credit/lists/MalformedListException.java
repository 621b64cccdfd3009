package org.sunbid.platform.credit.lists;

import org.sunbid.platform.kernel.DomainException;

/** A list file refused whole for its first bad line ({@link CreditListError#CREDIT_LIST_MALFORMED}); nothing was imported. */
public class MalformedListException extends DomainException {

    private final int line;
    private final LineProblem problem;

    public MalformedListException(int line, LineProblem problem, String detail) {
        super(CreditListError.CREDIT_LIST_MALFORMED, line, problem, detail);
        this.line = line;
        this.problem = problem;
    }

    /** The file's line (the header is line 1). */
    public int line() {
        return line;
    }

    public LineProblem problem() {
        return problem;
    }
}
