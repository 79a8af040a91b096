package dev.eventcontracts.server.internal.store.kafka;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerPartitionAssignor;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.Configurable;
import org.apache.kafka.common.TopicPartition;

/**
 * Elects the writer: gives partition 0 of the store topic to exactly one eligible member of the election group,
 * and tells every member who it is (member id and URL) in its assignment.
 *
 * <p>The writer keeps the partition as long as it stays in the group (cooperative protocol, so the writer is not
 * interrupted when another instance joins or leaves). When it leaves or its session expires, the eligible member
 * with the smallest member id gets it. Runs inside the group leader's consumer; {@link #onAssignment} runs in
 * every member's.
 */
public final class WriterAssignor implements ConsumerPartitionAssignor, Configurable {

    /** The assignor's protocol name in the group. */
    public static final String NAME = "eventcontracts-writer";

    private ElectionMember member;

    @Override
    public void configure(Map<String, ?> configs) {
        Object configured = configs.get(ElectionMember.CONFIG_KEY);
        if (!(configured instanceof ElectionMember m)) {
            throw new IllegalArgumentException(ElectionMember.CONFIG_KEY + " must hold the election member");
        }
        this.member = m;
    }

    @Override
    public ByteBuffer subscriptionUserData(Set<String> topics) {
        return ElectionMember.encodeSubscription(member.eligible(), member.url());
    }

    @Override
    public GroupAssignment assign(Cluster metadata, GroupSubscription groupSubscription) {
        // members normally share one store topic; if a misconfigured instance uses the same group for another
        // topic, each topic still gets its own writer
        Map<String, Map<String, Subscription>> byTopic = new HashMap<>();
        groupSubscription
                .groupSubscription()
                .forEach((memberId, subscription) -> byTopic.computeIfAbsent(
                                subscription.topics().get(0), t -> new HashMap<>())
                        .put(memberId, subscription));
        Map<String, Assignment> assignments = new HashMap<>();
        byTopic.forEach((topic, subscriptions) -> assignments.putAll(assignTopic(topic, subscriptions)));
        return new GroupAssignment(assignments);
    }

    private static Map<String, Assignment> assignTopic(String topic, Map<String, Subscription> subscriptions) {
        TopicPartition writerPartition = new TopicPartition(topic, 0);
        Optional<String> writer = chooseWriter(subscriptions, writerPartition);
        String writerUrl = writer.map(id -> decodeUrl(subscriptions.get(id))).orElse("");
        ByteBuffer outcome = ElectionMember.encodeOutcome(writer.orElse(""), writerUrl);
        Map<String, Assignment> assignments = new HashMap<>();
        for (String memberId : subscriptions.keySet()) {
            List<TopicPartition> partitions =
                    writer.filter(memberId::equals).isPresent() ? List.of(writerPartition) : List.of();
            assignments.put(memberId, new Assignment(partitions, outcome.duplicate()));
        }
        return assignments;
    }

    /** The current owner if it is still here and eligible, else the eligible member with the smallest id. */
    static Optional<String> chooseWriter(Map<String, Subscription> subscriptions, TopicPartition writerPartition) {
        List<String> eligible = new ArrayList<>();
        for (Map.Entry<String, Subscription> e : subscriptions.entrySet()) {
            if (isEligible(e.getValue())) {
                eligible.add(e.getKey());
            }
        }
        Optional<String> owner = eligible.stream()
                .filter(id -> subscriptions.get(id).ownedPartitions().contains(writerPartition))
                .max(Comparator.comparing((String id) ->
                                subscriptions.get(id).generationId().orElse(-1))
                        .thenComparing(Comparator.reverseOrder()));
        return owner.isPresent() ? owner : eligible.stream().min(Comparator.naturalOrder());
    }

    private static boolean isEligible(Subscription subscription) {
        ByteBuffer data = subscription.userData();
        return data != null
                && data.remaining() >= 2
                && data.duplicate().position(data.position() + 1).get() == 1;
    }

    private static String decodeUrl(Subscription subscription) {
        ByteBuffer data = subscription.userData().duplicate();
        data.position(data.position() + 2);
        return ElectionMember.readString(data);
    }

    @Override
    public void onAssignment(Assignment assignment, ConsumerGroupMetadata metadata) {
        ByteBuffer data = assignment.userData();
        if (data == null || !data.hasRemaining()) {
            return;
        }
        ByteBuffer outcome = data.duplicate();
        outcome.get();
        String writerId = ElectionMember.readString(outcome);
        String writerUrl = ElectionMember.readString(outcome);
        member.outcome(
                writerId.isEmpty() ? Optional.empty() : Optional.of(writerId),
                writerUrl.isEmpty() ? Optional.empty() : Optional.of(writerUrl),
                metadata.memberId());
    }

    @Override
    public List<RebalanceProtocol> supportedProtocols() {
        return List.of(RebalanceProtocol.COOPERATIVE);
    }

    @Override
    public String name() {
        return NAME;
    }
}
