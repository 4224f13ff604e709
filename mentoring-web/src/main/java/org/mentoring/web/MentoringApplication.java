package org.mentoring.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Mentoring application: scans every {@code org.mentoring} package for components, and registers
 * {@code org.mentoring} as the package where Spring Data finds documents and repositories of every module.
 */
@SpringBootApplication(scanBasePackages = "org.mentoring")
@AutoConfigurationPackage(basePackages = "org.mentoring")
public class MentoringApplication {

    public static void main(String[] args) {
        SpringApplication.run(MentoringApplication.class, args);
    }
}
