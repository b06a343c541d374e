package io.guildhall.support.db;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates the tables the support library owns (outbox, processed events) with a history table of its
 * own, so a service's migrations keep their own numbering and never collide with ours.
 */
public class SupportSchemaMigration implements InitializingBean {

    public static final String HISTORY_TABLE = "guildhall_support_schema_history";

    private final String url;
    private final String user;
    private final String password;

    public SupportSchemaMigration(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    @Override
    public void afterPropertiesSet() {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:io/guildhall/support/db")
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load()
                .migrate();
    }
}
