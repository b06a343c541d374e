package io.guildhall.membership;

import io.guildhall.testsupport.spring.PersistenceStyle;
import org.junit.jupiter.api.Test;

/** SQL only in *Store classes, no Spring Data (docs/architecture.md, "One persistence style"). */
class PersistenceStyleTest {

    @Test
    void sql_lives_in_stores_only() {
        PersistenceStyle.check("io.guildhall.membership");
    }
}
