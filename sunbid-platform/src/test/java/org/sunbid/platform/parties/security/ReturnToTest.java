package org.sunbid.platform.parties.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Only a relative path on this site is a place a sign-in may return to. */
class ReturnToTest {

    @ParameterizedTest
    @ValueSource(strings = {"/tenders/6f1c2a40-0000-4000-8000-000000000001", "/workbench/tenders?status=DRAFT", "/guide"})
    void relativePathsOnThisSiteAreFollowed(String path) {
        assertThat(ReturnTo.isSafe(path)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/", "//evil.example/x", "/\\evil.example", "\\\\evil.example", "evil.example",
            "javascript:alert(1)", "/x\r\nLocation: https://evil.example", "/login", "/logout", ""})
    void anythingThatCouldLeaveTheSiteIsRefused(String path) {
        assertThat(ReturnTo.isSafe(path)).isFalse();
    }
}
