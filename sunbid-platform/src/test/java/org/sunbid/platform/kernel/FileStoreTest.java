package org.sunbid.platform.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sunbid.crypto.Sm3;

class FileStoreTest {

    @TempDir
    Path dir;

    private FileStore store() {
        return new FileStore(new SunbidProperties(dir, "测试", "off", null, null, null));
    }

    @Test
    void storesByHashOnceAndFindsIt() throws Exception {
        FileStore store = store();
        byte[] content = "招标文件".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FileStore.Stored a = store.store(new ByteArrayInputStream(content), 100);
        FileStore.Stored b = store.store(new ByteArrayInputStream(content), 100);
        assertThat(a).isEqualTo(b);
        assertThat(a.sm3()).isEqualTo(Sm3.hex(content));
        assertThat(Files.readAllBytes(store.find(a.sm3()).orElseThrow())).isEqualTo(content);
        assertThat(store.find("../../etc/passwd")).isEmpty();
    }

    @Test
    void aStreamLongerThanTheLimitIsRefusedAndNothingIsKept() throws Exception {
        FileStore store = store();
        InputStream endless = new InputStream() { // no length known in advance, as with a chunked upload
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return len;
            }
        };
        assertThatThrownBy(() -> store.store(endless, 10L << 20)).isInstanceOf(FileStore.TooLargeException.class);
        try (Stream<Path> files = Files.walk(dir.resolve("files"))) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }
}
