package org.sunbid.platform.kernel;

/** Error codes that belong to no context: malformed requests, authentication, unknown resources. */
public enum CommonError implements ErrorCode {
    /** The request body is not valid JSON or does not match the expected shape. */
    MALFORMED_REQUEST(400),
    /** A required query parameter ({0}) is missing. */
    MISSING_PARAMETER(400),
    /** A query parameter or path variable ({0}) does not convert to its type (a number, a date, an identifier). */
    INVALID_PARAMETER(400),
    /** One or more fields failed validation; the problem lists them. */
    VALIDATION_FAILED(400),
    /** An amount is not a plain decimal of bounded size (at most {0} digits before the point, two after, not negative). */
    INVALID_AMOUNT(400),
    /** No valid credentials were given. */
    UNAUTHENTICATED(401),
    /** The caller's role or region does not allow this. */
    FORBIDDEN(403),
    /** No such resource, or none the caller may see. */
    NOT_FOUND(404),
    /** The HTTP method is not supported here. */
    METHOD_NOT_ALLOWED(405),
    /** An upload declares no length or more than the route allows ({0} bytes); its body was not read. */
    UPLOAD_TOO_LARGE(413),
    /** The request's media type is not supported. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** None of the media types the request accepts can be produced here (e.g. an event stream asked for as JSON). */
    NOT_ACCEPTABLE(406),
    /** Something failed on the server; nothing was changed. */
    INTERNAL_ERROR(500);

    private final int httpStatus;

    CommonError(int httpStatus) {
        this.httpStatus = httpStatus;
    }


    @Override
    public int httpStatus() {
        return httpStatus;
    }
}
