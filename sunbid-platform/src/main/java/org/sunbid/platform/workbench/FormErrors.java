package org.sunbid.platform.workbench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.Money;

/**
 * What is wrong with one submitted form, field by field: every message names the field (its label) and says what is
 * expected ({@code 估算价（元）：请输入数字，如 12000000.00，单位元}). A page binds its fields through it (amounts through
 * {@link Amounts}, the one place that reads what people type), then, if anything is wrong, shows the form again with
 * the input kept: {@link #show} re-renders with status 422 (like the evaluation workspace always did), {@link #flash}
 * carries errors and input across a redirect. Templates mark the fields with {@code form :: field-error}.
 */
final class FormErrors {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MessageSource messages;
    private final Locale locale = LocaleContextHolder.getLocale();
    private final Map<String, String> fields = new LinkedHashMap<>();

    FormErrors(MessageSource messages) {
        this.messages = messages;
    }

    /** The amount in field {@code field} (label {@code labelKey}), or null (and an error) if it is none. */
    Money amount(String field, String labelKey, String typed, Amounts.Unit unit) {
        if (blank(typed)) {
            expected(field, labelKey, "form.expected.required");
            return null;
        }
        try {
            return Amounts.parse(typed, unit);
        } catch (IllegalArgumentException e) {
            expected(field, labelKey, "form.expected.amount." + unit.name());
            return null;
        }
    }

    /** A number (a score), or null (and an error). */
    BigDecimal number(String field, String labelKey, String typed) {
        try {
            return Amounts.decimal(typed);
        } catch (IllegalArgumentException e) {
            expected(field, labelKey, "form.expected.number");
            return null;
        }
    }

    /** A whole number in [min, max], or null if blank and optional; an error otherwise. */
    Integer integer(String field, String labelKey, String typed, boolean required, int min, int max) {
        if (blank(typed)) {
            if (required) {
                expected(field, labelKey, "form.expected.required");
            }
            return null;
        }
        try {
            BigDecimal value = Amounts.decimal(typed);
            int n = value.intValueExact();
            if (n >= min && n <= max) {
                return n;
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            // below
        }
        fields.put(field, label(labelKey) + "：" + messages.getMessage("form.expected.integer", new Object[] {min, max}, locale));
        return null;
    }

    /** Required text, stripped; an error if blank. */
    String text(String field, String labelKey, String typed) {
        if (blank(typed)) {
            expected(field, labelKey, "form.expected.required");
            return null;
        }
        return typed.strip();
    }

    /** A Beijing time from a datetime-local input ({@code 2026-12-31T09:30}). */
    Instant dateTime(String field, String labelKey, String typed) {
        try {
            return LocalDateTime.parse(typed.strip()).atZone(BEIJING).toInstant();
        } catch (NullPointerException | DateTimeParseException e) {
            expected(field, labelKey, "form.expected.datetime");
            return null;
        }
    }

    /** An error on {@code field}: its label, then what is expected (message key {@code expectedKey}). */
    void expected(String field, String labelKey, String expectedKey) {
        fields.putIfAbsent(field, label(labelKey) + "：" + messages.getMessage(expectedKey, null, expectedKey, locale));
    }

    /** A refusal by a rule about {@code field} (its message already says why), shown under the field. */
    void refused(String field, String labelKey, String message) {
        fields.putIfAbsent(field, label(labelKey) + "：" + message);
    }

    boolean any() {
        return !fields.isEmpty();
    }

    Map<String, String> fields() {
        return Map.copyOf(fields);
    }

    /** The summary above the form: how many fields to correct (the list of them follows it, with links). */
    String summary() {
        return messages.getMessage("form.errors.summary", new Object[] {fields.size()}, locale);
    }

    /** Puts the errors on the page being re-rendered and answers 422. */
    void show(Model model, HttpServletResponse response) {
        model.addAttribute("fieldErrors", new LinkedHashMap<>(fields));
        model.addAttribute("formError", summary());
        response.setStatus(422);
    }

    /** Carries the errors across a redirect, under {@code fieldErrors} and {@code formError}. */
    void flash(RedirectAttributes redirect) {
        redirect.addFlashAttribute("fieldErrors", new LinkedHashMap<>(fields));
        redirect.addFlashAttribute("formError", summary());
    }

    /** A label's text: a message key, or (for labels made of data, e.g. a bidder and a criterion) the text itself. */
    private String label(String key) {
        return messages.getMessage(key, null, key, locale).replaceAll("[:：]$", "");
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
