package org.sunbid.platform.kernel;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The file store's knowledge of which records refer to which files, in the kernel's own table. */
@Component
class StoredFileReferences implements FileStore.References {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate own;

    StoredFileReferences(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void add(String sm3, String holder) {
        jdbc.sql("""
                INSERT INTO stored_file_reference (sm3, holder, created_at) VALUES (:s, :h, :at)
                ON CONFLICT (sm3, holder) DO NOTHING""")
                .param("s", sm3).param("h", holder).param("at", clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    @Override
    public void remove(String sm3, String holder) {
        // committed on its own before the store looks whether the file is still needed
        own.executeWithoutResult(s -> jdbc.sql("DELETE FROM stored_file_reference WHERE sm3 = :s AND holder = :h")
                .param("s", sm3).param("h", holder).update());
    }

    @Override
    public boolean any(String sm3) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM stored_file_reference WHERE sm3 = :s)").param("s", sm3)
                .query(Boolean.class).single();
    }
}
