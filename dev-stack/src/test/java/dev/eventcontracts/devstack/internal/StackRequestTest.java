package dev.eventcontracts.devstack.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventcontracts.devstack.KafkaIntegrationTest;
import dev.eventcontracts.devstack.WithKafka;
import dev.eventcontracts.devstack.WithKafka.Stack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

class StackRequestTest {

    @Test
    void defaultStack_withoutProperty_runsInProcess() {
        assertThat(StackRequest.of(StackRequestTest.class, 1, false, Stack.DEFAULT, null)
                        .stack())
                .isEqualTo(Stack.IN_PROCESS);
    }

    @Test
    void defaultStack_withDockerProperty_runsInDocker() {
        assertThat(StackRequest.of(StackRequestTest.class, 1, false, Stack.DEFAULT, " Docker ")
                        .stack())
                .isEqualTo(Stack.DOCKER);
    }

    @Test
    void multiBrokerClass_runsInProcess_evenWithDockerProperty() {
        assertThat(StackRequest.of(StackRequestTest.class, 3, false, Stack.DEFAULT, "docker")
                        .stack())
                .isEqualTo(Stack.IN_PROCESS);
    }

    @Test
    void unknownStackProperty_failsNamingKeyValueAndExpectation() {
        assertThatThrownBy(() -> StackRequest.of(StackRequestTest.class, 1, false, Stack.DEFAULT, "podman"))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("system property 'stack' is 'podman'; expected 'in-process' (the default) or 'docker'");
    }

    @Test
    void zeroBrokers_failsNamingTheClass() {
        assertThatThrownBy(() -> StackRequest.of(StackRequestTest.class, 0, false, Stack.DEFAULT, null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("@WithKafka(brokers = 0)")
                .hasMessageContaining(StackRequestTest.class.getName())
                .hasMessageContaining("at least 1");
    }

    @Test
    void explicitDockerWithThreeBrokers_failsSayingWhatToRemove() {
        assertThatThrownBy(() -> StackRequest.of(StackRequestTest.class, 3, false, Stack.DOCKER, null))
                .isInstanceOf(ExtensionConfigurationException.class)
                .hasMessageContaining("run in-process only")
                .hasMessageContaining("remove stack = DOCKER");
    }

    @Test
    void singleBrokerClasses_shareOneKey_multiBrokerClasses_getOneEach() {
        StackRequest sharedA = StackRequest.of(String.class, 1, false, Stack.DEFAULT, null);
        StackRequest sharedB = StackRequest.of(Integer.class, 1, true, Stack.IN_PROCESS, null);
        StackRequest privateA = StackRequest.of(String.class, 3, false, Stack.DEFAULT, null);
        StackRequest privateB = StackRequest.of(Integer.class, 3, false, Stack.DEFAULT, null);

        assertThat(sharedA.shared()).isTrue();
        assertThat(sharedA.kafkaKey()).isEqualTo(sharedB.kafkaKey());
        assertThat(privateA.shared()).isFalse();
        assertThat(privateA.kafkaKey()).isNotEqualTo(privateB.kafkaKey()).isNotEqualTo(sharedA.kafkaKey());
    }

    @Test
    void dockerAndInProcessSharedBrokers_haveDifferentKeys() {
        assertThat(StackRequest.of(String.class, 1, false, Stack.DOCKER, null).kafkaKey())
                .isNotEqualTo(StackRequest.of(String.class, 1, false, Stack.IN_PROCESS, null)
                        .kafkaKey());
    }

    @Test
    void find_composedAnnotationOnly_usesWithKafkaDefaults() {
        StackRequest request = StackRequest.find(ComposedOnly.class, null);

        assertThat(request.owner()).isEqualTo(ComposedOnly.class);
        assertThat(request.brokers()).isEqualTo(1);
        assertThat(request.registry()).isFalse();
        assertThat(request.stack()).isEqualTo(Stack.IN_PROCESS);
    }

    @Test
    void find_directWithKafkaBesideComposedAnnotation_winsWhicheverComesFirst() {
        assertThat(StackRequest.find(DirectAfterComposed.class, null))
                .extracting(StackRequest::brokers, StackRequest::registry)
                .containsExactly(3, false);
        assertThat(StackRequest.find(DirectBeforeComposed.class, null))
                .extracting(StackRequest::brokers, StackRequest::registry)
                .containsExactly(1, true);
    }

    @Test
    void find_nestedClassWithoutAnnotation_usesTheEnclosingComposedOne() {
        StackRequest request = StackRequest.find(DirectAfterComposed.Inner.class, null);

        assertThat(request.owner()).isEqualTo(DirectAfterComposed.class);
        assertThat(request.brokers()).isEqualTo(3);
    }

    @KafkaIntegrationTest
    static class ComposedOnly {}

    @KafkaIntegrationTest
    @WithKafka(brokers = 3)
    static class DirectAfterComposed {
        class Inner {}
    }

    @WithKafka(registry = true)
    @KafkaIntegrationTest
    static class DirectBeforeComposed {}
}
