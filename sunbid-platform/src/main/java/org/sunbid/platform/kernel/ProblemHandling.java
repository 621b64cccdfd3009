package org.sunbid.platform.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The one place where exceptions become responses: RFC 9457 problem+json with a stable code for the API, a readable
 * Chinese (or English) page for the web UI. Unexpected failures are logged with an incident id that the response
 * repeats, and nothing of their internals reaches the caller.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    private final Problems problems;
    private final MessageSource messages;
    private final java.util.List<PageModel> pageModels;

    ProblemHandling(Problems problems, MessageSource messages, java.util.List<PageModel> pageModels) {
        this.problems = problems;
        this.messages = messages;
        this.pageModels = pageModels;
    }

    @ExceptionHandler(DomainException.class)
    Object domain(DomainException e, HttpServletRequest request) {
        return respond(problems.of(e.errorCode(), e.arguments()), request);
    }

    @ExceptionHandler(BindException.class)
    Object invalid(BindException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getFieldErrors().forEach(f -> errors.add(fieldError(f.getField(),
                messages.getMessage(f, LocaleContextHolder.getLocale()))));
        e.getGlobalErrors().forEach(g -> errors.add(fieldError(g.getObjectName(),
                messages.getMessage(g, LocaleContextHolder.getLocale()))));
        return respond(problems.validation(errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    Object invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err -> errors.add(
                fieldError(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale())))));
        return respond(problems.validation(errors), request);
    }

    /** A constraint on a parameter of a {@code @Validated} controller (e.g. a negative sequence number). */
    @ExceptionHandler(ConstraintViolationException.class)
    Object invalidConstraints(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations().forEach(v -> {
            String path = String.valueOf(v.getPropertyPath());
            errors.add(fieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage()));
        });
        return respond(problems.validation(errors), request);
    }

    /** A required query parameter that is absent: named, so the caller knows what to add (not a JSON problem). */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    Object missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        log.debug("missing parameter {} {}: {}", request.getMethod(), request.getRequestURI(), e.getParameterName());
        return respond(problems.of(CommonError.MISSING_PARAMETER, e.getParameterName()), request);
    }

    /**
     * A query parameter or path variable whose value does not convert (e.g. {@code start=abc}, a date that is no
     * date): named, its value not repeated. A mismatch without a name (a bean property) stays a malformed request.
     */
    @ExceptionHandler(TypeMismatchException.class)
    Object invalidParameter(TypeMismatchException e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        if (name == null || name.isBlank()) {
            return malformed(e, request);
        }
        log.debug("invalid parameter {} {}: {}", request.getMethod(), request.getRequestURI(), name);
        return respond(problems.of(CommonError.INVALID_PARAMETER, name), request);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingRequestHeaderException.class,
            MissingServletRequestPartException.class, MultipartException.class, InvalidParameterException.class})
    Object malformed(Exception e, HttpServletRequest request) {
        log.debug("malformed request {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMessage());
        return respond(problems.of(CommonError.MALFORMED_REQUEST), request);
    }

    /** A path variable that converts to nothing (e.g. a blank UUID) is the request's fault; a missing one is ours. */
    @ExceptionHandler(MissingPathVariableException.class)
    Object missingPathVariable(MissingPathVariableException e, HttpServletRequest request) {
        return e.isMissingAfterConversion() ? malformed(e, request) : unexpected(e, request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return respond(problems.of(CommonError.NOT_FOUND), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object methodNotAllowed(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return respond(problems.of(CommonError.METHOD_NOT_ALLOWED), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    Object unsupportedMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return respond(problems.of(CommonError.UNSUPPORTED_MEDIA_TYPE), request);
    }

    /** The route cannot answer in any media type the request accepts (e.g. {@code Accept: application/json} on an SSE stream). */
    @ExceptionHandler(org.springframework.web.HttpMediaTypeNotAcceptableException.class)
    Object notAcceptable(org.springframework.web.HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
        return respond(problems.of(CommonError.NOT_ACCEPTABLE), request);
    }

    /** Security exceptions are left to the security filters' entry points and access-denied handlers. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void security(RuntimeException e) {
        throw e;
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception e, HttpServletRequest request) {
        String incident = UUID.randomUUID().toString();
        log.error("incident {} on {} {}", incident, request.getMethod(), request.getRequestURI(), e);
        ProblemDetail problem = problems.of(CommonError.INTERNAL_ERROR, incident);
        problem.setProperty("incident", incident);
        return respond(problem, request);
    }

    private static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    private Object respond(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        if (Problems.isApi(request)) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return errorPage(problem, request, pageModels, problems);
    }

    /**
     * The error page for {@code problem}: the site's layout with the user's own header (the {@link PageModel}
     * attributes), a title saying what happened (not found, not allowed, a bad address, went wrong) and the detail; a
     * malformed request or a missing or invalid parameter on a page is a bad address, not a JSON document.
     */
    static ModelAndView errorPage(ProblemDetail problem, HttpServletRequest request, java.util.List<PageModel> pageModels,
            Problems problems) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(problem.getStatus()));
        pageModels.forEach(m -> m.addTo(page.getModel(), request));
        page.addObject("problem", problem);
        page.addObject("status", problem.getStatus());
        Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
        boolean malformed = CommonError.MALFORMED_REQUEST.code().equals(code)
                || CommonError.INVALID_PARAMETER.code().equals(code) || CommonError.MISSING_PARAMETER.code().equals(code);
        page.addObject("detail", malformed ? problems.label("error.page.malformed") : problem.getDetail());
        return page;
    }
}
