package io.guildhall.testsupport;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared test stack lives as long as the Maven JVM that runs the tests (found above this forked JVM, past the
 * shell surefire forks through), never as long as a shell or terminal above a JVM that a script started.
 */
class StackOwnerTest {

    @Test
    void the_owner_of_a_test_jvm_forked_by_maven_is_the_maven_jvm() {
        ProcessHandle owner = ProcessHandle.of(SharedStackStarter.ownerPid()).orElseThrow();
        assertTrue(owner.info().arguments().map(List::of).orElse(List.of())
                        .contains("org.codehaus.plexus.classworlds.launcher.Launcher"),
                "owner " + owner.pid() + " is " + owner.info().commandLine().orElse("?"));
        ProcessHandle ancestor = ProcessHandle.current();
        while (ancestor.pid() != owner.pid()) {
            ancestor = ancestor.parent().orElseThrow(() -> new AssertionError("the owner is not above this JVM"));
        }
    }
}
