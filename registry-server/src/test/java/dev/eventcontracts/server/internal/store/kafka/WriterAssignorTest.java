package dev.eventcontracts.server.internal.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupAssignment;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.GroupSubscription;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor.Subscription;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class WriterAssignorTest {

    private static final TopicPartition P0 = new TopicPartition("_schemas", 0);

    @Test
    void assign_noOwner_givesTheSmallestEligibleMemberIdAndTellsEveryoneItsUrl() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("m-c", member(true, "http://c", List.of()));
        members.put("m-a", member(false, "http://a", List.of()));
        members.put("m-b", member(true, "http://b", List.of()));

        GroupAssignment result = assignor(true, "http://x").assign(Cluster.empty(), new GroupSubscription(members));

        assertThat(result.groupAssignment().get("m-b").partitions()).containsExactly(P0);
        assertThat(result.groupAssignment().get("m-a").partitions()).isEmpty();
        assertThat(result.groupAssignment().get("m-c").partitions()).isEmpty();
        List<String> heard = new ArrayList<>();
        WriterAssignor listening = assignor(true, "http://c", heard);
        listening.onAssignment(
                result.groupAssignment().get("m-c"), new ConsumerGroupMetadata("g", 1, "m-c", Optional.empty()));
        assertThat(heard).containsExactly("m-b http://b self=m-c");
    }

    @Test
    void assign_ownerStillPresent_keepsIt() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("m-a", member(true, "http://a", List.of()));
        members.put("m-z", member(true, "http://z", List.of(P0)));

        GroupAssignment result = assignor(true, "http://x").assign(Cluster.empty(), new GroupSubscription(members));

        assertThat(result.groupAssignment().get("m-z").partitions()).containsExactly(P0);
        assertThat(result.groupAssignment().get("m-a").partitions()).isEmpty();
    }

    @Test
    void assign_noEligibleMember_nobodyWrites() {
        Map<String, Subscription> members = Map.of("m-a", member(false, "http://a", List.of()));

        GroupAssignment result = assignor(false, "http://a").assign(Cluster.empty(), new GroupSubscription(members));
        List<String> heard = new ArrayList<>();
        assignor(false, "http://a", heard)
                .onAssignment(
                        result.groupAssignment().get("m-a"),
                        new ConsumerGroupMetadata("g", 1, "m-a", Optional.empty()));

        assertThat(result.groupAssignment().get("m-a").partitions()).isEmpty();
        assertThat(heard).containsExactly("none none self=m-a");
    }

    @Test
    void assign_membersOfTwoTopicsInOneGroup_oneWriterPerTopic() {
        Map<String, Subscription> members = new LinkedHashMap<>();
        members.put("m-a", member(true, "http://a", List.of()));
        members.put(
                "m-b",
                new Subscription(List.of("_other"), ElectionMember.encodeSubscription(true, "http://b"), List.of()));

        GroupAssignment result = assignor(true, "http://x").assign(Cluster.empty(), new GroupSubscription(members));

        assertThat(result.groupAssignment().get("m-a").partitions()).containsExactly(P0);
        assertThat(result.groupAssignment().get("m-b").partitions()).containsExactly(new TopicPartition("_other", 0));
    }

    private static Subscription member(boolean eligible, String url, List<TopicPartition> owned) {
        return new Subscription(List.of("_schemas"), ElectionMember.encodeSubscription(eligible, url), owned);
    }

    private static WriterAssignor assignor(boolean eligible, String url) {
        return assignor(eligible, url, new ArrayList<>());
    }

    private static WriterAssignor assignor(boolean eligible, String url, List<String> heard) {
        WriterAssignor assignor = new WriterAssignor();
        assignor.configure(Map.of(ElectionMember.CONFIG_KEY, new ElectionMember() {
            @Override
            public String url() {
                return url;
            }

            @Override
            public boolean eligible() {
                return eligible;
            }

            @Override
            public void outcome(Optional<String> writerId, Optional<String> writerUrl, String self) {
                heard.add(writerId.orElse("none") + " " + writerUrl.orElse("none") + " self=" + self);
            }
        }));
        return assignor;
    }
}
