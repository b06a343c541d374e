package io.guildhall.support.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebSupportAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    RequestValidation requestValidation(jakarta.validation.Validator validator) {
        return new RequestValidation(validator);
    }

    @Bean
    @ConditionalOnMissingBean
    ProblemDetailsHandler problemDetailsHandler() {
        return new ProblemDetailsHandler();
    }

    @Bean
    @ConditionalOnMissingBean
    TraceparentWebFilter traceparentWebFilter() {
        return new TraceparentWebFilter();
    }

    @Bean
    @ConditionalOnMissingBean
    InFlightLimitWebFilter inFlightLimitWebFilter(Environment env, ObjectProvider<MeterRegistry> meters) {
        return new InFlightLimitWebFilter(env.getProperty("spring.application.name", "service"),
                env.getProperty("guildhall.http.limits.max-concurrent", Integer.class, 128),
                env.getProperty("guildhall.http.limits.max-queued", Integer.class, 10_000),
                DurationStyle.detectAndParse(env.getProperty("guildhall.http.limits.max-wait", "15s")),
                meters.getIfAvailable());
    }
}
