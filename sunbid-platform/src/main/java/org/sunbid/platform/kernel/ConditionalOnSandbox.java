package org.sunbid.platform.kernel;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;

/**
 * The sandboxes (the bank and insurer in payments, the SMS gateway in experts) exist when
 * {@code sunbid.payments.sandbox.enabled} is true; unset, they follow the demo CA ({@code sunbid.ca.demo-ca}, on by
 * default), so a platform set up for production with the demo CA off has no sandbox either.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ConditionalOnExpression("${sunbid.payments.sandbox.enabled:${sunbid.ca.demo-ca:true}}")
public @interface ConditionalOnSandbox {
}
