package org.sunbid.platform.kernel;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The raw body of a signed callback (a bank's notification, the SMS gateway's reply): read as the exact bytes the
 * sender signed, refused with {@code tooLarge} once it passes {@code limit} bytes, before any more is read.
 */
public final class SignedBodies {

    private SignedBodies() {
    }

    public static byte[] read(HttpServletRequest request, int limit, ErrorCode tooLarge) throws IOException {
        if (request.getContentLengthLong() > limit) {
            throw new DomainException(tooLarge);
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            throw new DomainException(tooLarge);
        }
        return body;
    }
}
