package org.sunbid.platform.workbench;

import java.math.BigDecimal;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.sunbid.platform.kernel.Amounts;
import org.sunbid.platform.kernel.DomainException;
import org.sunbid.platform.mall.MallError;

/**
 * What the mall's workbench forms ({@link MallPages}, {@link MallBiddingPages}) do after the mall decided: the done
 * message (and the number of what was made) on the page they return to, or the refusal in the reader's language; and
 * the amount fields read the same way everywhere.
 */
@Component
class MallForms {

    private final PageMessages messages;

    MallForms(PageMessages messages) {
        this.messages = messages;
    }

    /** Runs {@code action}; then {@code done}, or the refusal, is shown at {@code target}. */
    String submit(RedirectAttributes redirect, String done, String target, Runnable action) {
        return submitNumbered(redirect, done, target, () -> {
            action.run();
            return null;
        });
    }

    /** As {@link #submit}, with the number {@code action} returns shown beside the done message. */
    String submitNumbered(RedirectAttributes redirect, String done, String target, Supplier<String> action) {
        try {
            String number = action.get();
            redirect.addFlashAttribute("done", done);
            if (number != null) {
                redirect.addFlashAttribute("doneId", number);
            }
        } catch (DomainException e) {
            redirect.addFlashAttribute("formError", messages.of(e));
        }
        return target;
    }

    /** An amount in yuan as typed ("4,999.00"); a refusal naming {@code field} otherwise. */
    static BigDecimal amount(String text, String field) {
        try {
            return Amounts.parse(text, Amounts.Unit.YUAN).yuan();
        } catch (RuntimeException e) {
            throw new DomainException(MallError.MALL_FIELD_INVALID, field + "（金额，如 4,999.00）");
        }
    }
}
