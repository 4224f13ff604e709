package org.mentoring.notification;

import java.util.Map;
import java.util.Properties;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * JavaMail waits forever by default for a mail server that accepts a connection and never answers. These defaults
 * bound each connect, read and write to {@link #DEFAULT_MILLIS} (10 s), for SMTP and SMTPS; a value set with
 * {@code spring.mail.properties.mail.smtp.timeout} (and the like) wins.
 */
@Configuration(proxyBeanMethods = false)
public class MailTimeouts {

    /** Each timeout, in milliseconds, unless spring.mail.properties sets it. */
    public static final String DEFAULT_MILLIS = "10000";
    static final Map<String, String> DEFAULTS = Map.of(
            "mail.smtp.connectiontimeout", DEFAULT_MILLIS, "mail.smtp.timeout", DEFAULT_MILLIS,
            "mail.smtp.writetimeout", DEFAULT_MILLIS, "mail.smtps.connectiontimeout", DEFAULT_MILLIS,
            "mail.smtps.timeout", DEFAULT_MILLIS, "mail.smtps.writetimeout", DEFAULT_MILLIS);

    @Bean
    static BeanPostProcessor mailTimeoutDefaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    applyDefaults(sender);
                }
                return bean;
            }
        };
    }

    /** Sets each timeout that is not set already. */
    public static void applyDefaults(JavaMailSenderImpl sender) {
        Properties properties = sender.getJavaMailProperties();
        DEFAULTS.forEach(properties::putIfAbsent);
        sender.setJavaMailProperties(properties);
    }
}
